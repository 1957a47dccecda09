using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "is this loop (or ForEach call) a broadcast, and which of its sends can abort it": sends on the connection
/// the iteration is at (the loop's own variables and body locals computed from them, or the ForEach lambda's
/// parameter) that throw synchronously when the peer is gone and are not inside a try within the loop whose catch
/// handles that exception; and calls that hand the iteration's connection to a helper of the same file that sends to
/// it and lets the failure out (<see cref="SendHelpers"/>).
/// </summary>
internal static class Broadcasts
{
    /// <summary>The unhandled per-connection sends of a foreach / for / while loop. <paramref name="mentionsSend"/>: the
    /// loop's text has "Send" in it; a loop without it can only broadcast through a helper it hands its own variable.</summary>
    public static List<BroadcastSend> UnhandledSends(WebSocketApis apis, SendingCaches caches, ILoopOperation loop, bool mentionsSend)
    {
        // Most loops send nothing: find the sends (and the calls that may be send helpers) before working out which
        // locals are per-iteration connections.
        var iteration = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var local in loop.Locals)
        {
            iteration.Add(local);
        }

        var (sends, helperCalls) = Candidates(apis, loop.Body, mentionsSend ? null : iteration);
        if (sends.Count == 0 && helperCalls.Count == 0)
        {
            return [];
        }

        // The locals derived from the loop's variables only matter to a send that names none of the variables themselves,
        // and to helper calls (which parameters a helper is handed the connection in).
        if (helperCalls.Count > 0 || !AllReferenceAny(sends, iteration))
        {
            AddDerived(loop.Body, iteration);
        }

        return Unhandled(apis, caches, sends, helperCalls, loop, iteration);
    }

    /// <summary>The unhandled per-connection sends of the lambda passed to a List.ForEach / Array.ForEach / Parallel.ForEach(Async) call.</summary>
    public static List<BroadcastSend> UnhandledSends(WebSocketApis apis, SendingCaches caches, IAnonymousFunctionOperation lambda)
    {
        var iteration = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (lambda.Symbol.Parameters.Length > 0)
        {
            iteration.Add(lambda.Symbol.Parameters[0]);
        }

        var (sends, helperCalls) = Candidates(apis, lambda.Body, null);
        return Unhandled(apis, caches, sends, helperCalls, lambda, iteration);
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

    /// <summary>The sends in <paramref name="body"/> that throw into it when the peer is gone, and the calls of methods of
    /// the same file that may be send helpers (their failure reaches the body: a returned task leaves the loop instead). With <paramref name="handing"/>, only
    /// calls that hand one of those symbols over directly are helper candidates.</summary>
    private static (List<WebSocketCall> Sends, List<IInvocationOperation> HelperCalls) Candidates(
        WebSocketApis apis, IOperation body, HashSet<ISymbol>? handing)
    {
        var sends = new List<WebSocketCall>();
        var helperCalls = new List<IInvocationOperation>();
        foreach (var descendant in body.DescendantsOutsideFunctions())
        {
            if (descendant.Kind != OperationKind.Invocation)
            {
                continue;
            }

            var invocation = (IInvocationOperation)descendant;
            if (handing is null && apis.IsSend(invocation, out var send))
            {
                if (send.ThrowsWhenClosed && ThrowsIntoLoop(send))
                {
                    sends.Add(send);
                }
            }
            else if (invocation.Arguments.Length > 0 && IsInSameFile(invocation) && (handing is null || SendHelpers.Ordinals(invocation, handing) != 0) &&
                     SendHelpers.ThrowsToCaller(apis.Threading, invocation, callerIsAsync: true))
            {
                helperCalls.Add(invocation);
            }
        }

        return (sends, helperCalls);
    }

    /// <summary>A call of a method declared in the caller's file (the only helpers followed). Nothing is bound.</summary>
    private static bool IsInSameFile(IInvocationOperation invocation)
    {
        foreach (var reference in invocation.TargetMethod.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == invocation.Syntax.SyntaxTree)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Of <paramref name="sends"/> and <paramref name="helperCalls"/>, those on the iteration's connection that no
    /// catch within <paramref name="boundary"/> handles.</summary>
    private static List<BroadcastSend> Unhandled(
        WebSocketApis apis, SendingCaches caches, List<WebSocketCall> sends, List<IInvocationOperation> helperCalls, IOperation boundary, HashSet<ISymbol> iteration)
    {
        var unhandled = new List<BroadcastSend>();
        if (iteration.Count == 0)
        {
            return unhandled;
        }

        foreach (var send in sends)
        {
            var thrown = ThrownBy(apis, send);
            if (ReferencesAny(send.Socket, iteration) && !ExceptionHandling.IsHandledWithin(apis, send.Invocation, thrown, boundary))
            {
                unhandled.Add(new BroadcastSend(send.Invocation, thrown));
            }
        }

        foreach (var call in helperCalls)
        {
            if (SendHelpers.Failure(apis, caches, call, iteration) is { } thrown && !ExceptionHandling.IsHandledWithin(apis, call, thrown, boundary))
            {
                unhandled.Add(new BroadcastSend(call, thrown));
            }
        }

        unhandled.Sort((a, b) => a.Invocation.Syntax.SpanStart.CompareTo(b.Invocation.Syntax.SpanStart));
        return unhandled;
    }

    /// <summary>Locals of the loop body computed from the iteration variables (<c>var socket = _sockets[id]</c>,
    /// <c>_sockets.TryGetValue(id, out var socket)</c>) are per-iteration connections too.</summary>
    public static void AddDerived(IOperation body, HashSet<ISymbol> iteration)
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

    private static bool AllReferenceAny(List<WebSocketCall> sends, HashSet<ISymbol> symbols)
    {
        foreach (var send in sends)
        {
            if (!ReferencesAny(send.Socket, symbols))
            {
                return false;
            }
        }

        return true;
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

    public static bool ReferencesAny(IOperation? socket, HashSet<ISymbol> symbols)
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
