using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// WS1004: ConnectAsync on a ClientWebSocket that may already have been connected: a field, property, parameter or
/// loop-external local connected again in a loop, a socket connected earlier in the same function, or a field or property
/// (or captured variable) connected from a catch block, close handler or recursive retry, with no new instance on the way.
/// </summary>
internal static class ClientWebSocketReusedRule
{
    /// <summary>"true" when the socket is a variable the fix may assign a new instance to.</summary>
    public const string AssignableProperty = "Assignable";

    /// <summary>Judges a connect call.</summary>
    internal static void Analyze(OperationAnalysisContext context, WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, WebSocketCall connect)
    {
        if (connect.Library != SocketLibrary.SystemNet ||
            connect.Socket is not { } socket || !socket.Type.IsOrInheritsFrom(apis.ClientWebSocket) ||
            !SocketIdentity.IsStableReference(socket) || invocation.EnclosingFunction() is not { } function ||
            !MayBeConnectedAlready(apis, caches, invocation, socket, function, context.ContainingSymbol))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(AssignableProperty, IsAssignable(apis, socket) ? "true" : "false");
        context.Report(Diagnostic.Create(
            Descriptors.WS1004ClientWebSocketReused, invocation.Syntax.GetLocation(), properties, socket.Syntax.ToString()));
    }

    private static bool MayBeConnectedAlready(WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, IOperation socket, IOperation function, ISymbol containingSymbol)
    {
        var start = invocation.Syntax.SpanStart;
        var path = RetryPath.Find(apis, caches, invocation, containingSymbol, foreachRetries: true);
        if (path.Kind == RetryPathKind.Loop)
        {
            var loop = path.Region;
            return !IsDeclaredWithin(socket, loop) && !SocketReplacements.IsReplacedIn(loop, socket, int.MinValue, int.MaxValue);
        }

        // Connected earlier in the same function, and not replaced since.
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is IInvocationOperation earlier && earlier.Syntax.SpanStart < start &&
                apis.IsConnect(earlier, out var call) && SocketIdentity.AreSame(call.Socket, socket) && !Branches.AreExclusive(earlier, invocation))
            {
                return !SocketReplacements.IsReplacedIn(function, socket, earlier.Syntax.SpanStart + 1, start);
            }
        }

        // A catch block, close handler or recursive retry on a socket that outlives the function.
        var outlives = socket.WithoutConversions() is IFieldReferenceOperation or IPropertyReferenceOperation || !IsDeclaredWithin(socket, function);
        return path.Kind is RetryPathKind.Catch or RetryPathKind.Handler or RetryPathKind.Recursive && outlives &&
               !SocketReplacements.IsReplacedIn(function, socket, int.MinValue, start);
    }

    /// <summary>True for a local declared inside <paramref name="scope"/> (a fresh instance per iteration or call).</summary>
    private static bool IsDeclaredWithin(IOperation socket, IOperation scope) =>
        socket.WithoutConversions() is ILocalReferenceOperation local && LocalDeclarations.IsDeclaredWithin(local.Local, scope);

    private static bool IsAssignable(WebSocketApis apis, IOperation socket) =>
        socket.WithoutConversions() switch
        {
            IFieldReferenceOperation field => !field.Field.IsReadOnly && !field.Field.IsConst && field.Field.Type.IsType(apis.ClientWebSocket),
            IPropertyReferenceOperation property => property.Property.SetMethod is { IsInitOnly: false } && property.Property.Type.IsType(apis.ClientWebSocket),
            ILocalReferenceOperation local => !local.Local.IsUsing && !local.Local.IsConst && !local.Local.IsRef && local.Local.Type.IsType(apis.ClientWebSocket) && !IsForEachVariable(local),
            _ => false,
        };

    private static bool IsForEachVariable(ILocalReferenceOperation local)
    {
        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
