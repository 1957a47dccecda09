using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// WS1005: a WebSocket created, connected, used for one send and closed inside a loop, a message handler, or a method
/// whose message comes in as a parameter: one connection per message instead of one long-lived connection.
/// </summary>
internal static class ConnectionPerMessageRule
{
    /// <summary>Judges a connect call.</summary>
    internal static void Analyze(OperationAnalysisContext context, WebSocketApis apis, IInvocationOperation invocation, WebSocketCall connect, ref OneShotAnswer oneShot)
    {
        if (connect.Library is not (SocketLibrary.SystemNet or SocketLibrary.WebSocketSharp or SocketLibrary.WebsocketClient) ||
            !OneShotConnections.IsOneShotConnection(apis, connect, ref oneShot) || oneShot.Declaration is not { } declaration || oneShot.Send is not { } send ||
            invocation.EnclosingFunction() is not { } function)
        {
            return;
        }

        // A program's entry point runs once: its arguments are not a stream of messages.
        var entryPoint = SymbolEqualityComparer.Default.Equals(context.ContainingSymbol, context.Compilation.GetEntryPoint(context.CancellationToken));
        if (InLoopWithDeclaration(invocation, declaration, function) ||
            HandlerRecognition.FindEnclosing(apis, invocation, context.ContainingSymbol).Kind == HandlerKind.Message ||
            (!entryPoint && PayloadComesFromParameter(apis, send, function, context.ContainingSymbol)))
        {
            context.Report(Diagnostic.Create(
                Descriptors.WS1005ConnectionPerMessage, invocation.Syntax.GetLocation(), declaration.Symbol.Name));
        }
    }

    /// <summary>The socket is declared in a loop of the function and connected in the same iteration.</summary>
    private static bool InLoopWithDeclaration(IOperation connect, IOperation declaration, IOperation function)
    {
        for (var parent = connect.Parent; parent is not null && parent != function; parent = parent.Parent)
        {
            if (parent is ILoopOperation loop && declaration.IsWithin(loop))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sent data is (or is computed from) a parameter of the function: a method called once per message.</summary>
    private static bool PayloadComesFromParameter(WebSocketApis apis, IInvocationOperation send, IOperation function, ISymbol containingSymbol)
    {
        var parameters = function switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters,
            ILocalFunctionOperation local => local.Symbol.Parameters,
            _ => (containingSymbol as IMethodSymbol)?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty,
        };
        if (parameters.IsEmpty)
        {
            return false;
        }

        var payload = send.TargetMethod.IsExtensionMethod ? 1 : 0;
        foreach (var argument in send.Arguments)
        {
            if (argument.Parameter?.Ordinal == payload && References(apis, argument.Value, parameters, function, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool References(WebSocketApis apis, IOperation value, ImmutableArray<IParameterSymbol> parameters, IOperation function, int depth)
    {
        foreach (var descendant in value.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IParameterReferenceOperation parameter when parameters.Contains(parameter.Parameter) &&
                                                                 !parameter.Parameter.Type.IsType(apis.CancellationToken):
                    return true;
                case ILocalReferenceOperation local when depth < 2 && LocalDeclarations.DeclaratorOf(local) is { } declarator &&
                                                        declarator.IsWithin(function) &&
                                                        declarator.GetVariableInitializer()?.Value is { } initializer &&
                                                        References(apis, initializer, parameters, function, depth + 1):
                    return true;
            }
        }

        return false;
    }
}
