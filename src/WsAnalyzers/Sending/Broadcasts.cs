using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "is this loop (or ForEach call) a broadcast, and which of its sends can abort it": sends on the connection
/// the iteration is at (the loop's own variables and body locals computed from them, or the ForEach lambda's
/// parameter) that throw synchronously when the
/// peer is gone and are not inside a try within the loop whose catch handles that exception.
/// </summary>
internal static class Broadcasts
{
    /// <summary>The unhandled per-connection sends of a foreach / for / while loop.</summary>
    public static List<WebSocketCall> UnhandledSends(WebSocketApis apis, ILoopOperation loop)
    {
        // Most loops send nothing: find the sends before working out which locals are per-iteration connections.
        var sends = ThrowingSends(apis, loop.Body);
        if (sends.Count == 0)
        {
            return sends;
        }

        var iteration = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var local in loop.Locals)
        {
            iteration.Add(local);
        }

        AddDerived(loop.Body, iteration);
        return Unhandled(apis, sends, loop, iteration);
    }

    /// <summary>The unhandled per-connection sends of the lambda passed to a List.ForEach / Array.ForEach / Parallel.ForEach(Async) call.</summary>
    public static List<WebSocketCall> UnhandledSends(WebSocketApis apis, IAnonymousFunctionOperation lambda)
    {
        var iteration = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (lambda.Symbol.Parameters.Length > 0)
        {
            iteration.Add(lambda.Symbol.Parameters[0]);
        }

        return Unhandled(apis, ThrowingSends(apis, lambda.Body), lambda, iteration);
    }

    /// <summary>The lambda a ForEach-style call runs per element, or null when <paramref name="invocation"/> is not one.</summary>
    public static IAnonymousFunctionOperation? ForEachBody(ThreadingApis threading, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name.Length == 0 || method.Name[0] != 'F')
        {
            return null;
        }

        var type = method.ContainingType;
        var isForEach = method.Name switch
        {
            "ForEach" => type.IsType(threading.List) || type.IsType(threading.Array) || type.IsType(threading.Parallel),
            "ForEachAsync" => type.IsType(threading.Parallel),
            _ => false,
        };
        if (!isForEach)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value.WithoutConversions();
            if (value is IDelegateCreationOperation creation)
            {
                value = creation.Target;
            }

            if (value is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    /// <summary>The sends in <paramref name="body"/> that throw into it when the peer is gone.</summary>
    private static List<WebSocketCall> ThrowingSends(WebSocketApis apis, IOperation body)
    {
        var sends = new List<WebSocketCall>();
        foreach (var descendant in body.DescendantsOutsideFunctions())
        {
            if (descendant is IInvocationOperation invocation && apis.IsSend(invocation, out var send) && send.ThrowsWhenClosed && ThrowsIntoLoop(send))
            {
                sends.Add(send);
            }
        }

        return sends;
    }

    /// <summary>Of <paramref name="sends"/>, those on the iteration's connection that no catch within <paramref name="boundary"/> handles.</summary>
    private static List<WebSocketCall> Unhandled(WebSocketApis apis, List<WebSocketCall> sends, IOperation boundary, HashSet<ISymbol> iteration)
    {
        if (iteration.Count == 0)
        {
            sends.Clear();
            return sends;
        }

        sends.RemoveAll(send => !ReferencesAny(send.Socket, iteration) || ExceptionHandling.IsHandledWithin(apis, send.Invocation, ThrownBy(apis, send), boundary));
        return sends;
    }

    /// <summary>Locals of the loop body computed from the iteration variables (<c>var socket = _sockets[id]</c>,
    /// <c>_sockets.TryGetValue(id, out var socket)</c>) are per-iteration connections too.</summary>
    private static void AddDerived(IOperation body, HashSet<ISymbol> iteration)
    {
        for (var round = 0; round < 3; round++)
        {
            var added = false;
            foreach (var descendant in body.DescendantsOutsideFunctions())
            {
                switch (descendant)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when ReferencesAny(initializer.Value, iteration):
                        added |= iteration.Add(declarator.Symbol);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: IDeclarationExpressionOperation { Expression: ILocalReferenceOperation output }, Parent: IInvocationOperation call }
                        when AnyArgumentReferences(call, iteration):
                        added |= iteration.Add(output.Local);
                        break;
                }
            }

            if (!added)
            {
                return;
            }
        }
    }

    private static bool AnyArgumentReferences(IInvocationOperation invocation, HashSet<ISymbol> symbols)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind != RefKind.Out && ReferencesAny(argument.Value, symbols))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exception a send throws on a closed connection.</summary>
    public static INamedTypeSymbol? ThrownBy(WebSocketApis apis, WebSocketCall send) => apis.ClosedSendException(send);

    /// <summary>websocket-sharp throws from the call itself; System.Net.WebSockets faults the task, which throws where it is
    /// awaited or waited for.</summary>
    private static bool ThrowsIntoLoop(WebSocketCall send)
    {
        if (send.Library != SocketLibrary.SystemNet)
        {
            return true;
        }

        IOperation current = send.Invocation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" } wrapper && wrapper.Instance == current)
        {
            current = current.Parent;
        }

        return current.Parent is IAwaitOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "Wait" or "GetAwaiter" } blocking && blocking.Instance == current;
    }

    private static bool ReferencesAny(IOperation? socket, HashSet<ISymbol> symbols)
    {
        if (socket is null)
        {
            return false;
        }

        foreach (var descendant in socket.DescendantsOutsideFunctions())
        {
            var symbol = descendant switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is not null && symbols.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }
}
