using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Infrastructure;

namespace WsAnalyzers.Rules;

/// <summary>
/// WS3003: a System.Net.WebSockets send that can overlap another send on the same socket: its task is dropped or stored
/// while the socket is sent to again (in a loop, or elsewhere in the type), or it runs in a timer, event or Task.Run
/// callback while the type also sends to the socket elsewhere, and no SemaphoreSlim or lock serialises the sends.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SendNotAwaitedAnalyzer : WebSocketAnalyzer
{
    /// <summary>"true" when the fix may put <c>await</c> in front of the send statement.</summary>
    public const string AwaitProperty = "Await";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WS3003SendNotAwaited);

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        if (apis.WebSocket is null)
        {
            return;
        }

        var threading = apis.Threading;
        context.RegisterSymbolStartAction(
            start =>
            {
                var sends = new List<Send>();
                start.RegisterOperationAction(
                    c => LocatedFailures.Run(c, () =>
                    {
                        if (Collect(apis, threading, (IInvocationOperation)c.Operation, c.ContainingSymbol) is { } send)
                        {
                            lock (sends)
                            {
                                sends.Add(send);
                            }
                        }
                    }),
                    OperationKind.Invocation);
                start.RegisterSymbolEndAction(end => Report(end, sends));
            },
            SymbolKind.NamedType);
    }

    private static Send? Collect(WebSocketApis apis, ThreadingApis threading, IInvocationOperation invocation, ISymbol containingSymbol)
    {
        if (!apis.IsSend(invocation, out var call) || call.Library != SocketLibrary.SystemNet ||
            !SocketIdentity.IsStableReference(call.Socket) || call.Socket.ReferencedSymbol() is not { } socket)
        {
            return null;
        }

        var use = SendSerialisation.UseOf(invocation);
        return new Send(
            invocation,
            socket,
            use,
            threading.FindEnclosingCallback(invocation),
            SendSerialisation.IsSerialised(threading, invocation),
            RepeatsInLoop(invocation, socket),
            use == SendSerialisation.TaskUse.Discarded && CanAwait(invocation, containingSymbol));
    }

    private static void Report(SymbolAnalysisContext context, List<Send> sends)
    {
        foreach (var send in sends)
        {
            if (send.Serialised || !Overlaps(send, sends))
            {
                continue;
            }

            var properties = send.Awaitable
                ? ImmutableDictionary<string, string?>.Empty.Add(AwaitProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.WS3003SendNotAwaited, send.Invocation.Syntax.GetLocation(), properties, send.Invocation.TargetMethod.Name));
        }
    }

    private static bool Overlaps(Send send, List<Send> sends)
    {
        if (send.Use != SendSerialisation.TaskUse.Awaited)
        {
            if (send.RepeatsInLoop || send.Callback is not null)
            {
                return true;
            }

            foreach (var other in sends)
            {
                if (other.Invocation != send.Invocation && SymbolEqualityComparer.Default.Equals(other.Socket, send.Socket) && !other.Serialised)
                {
                    return true;
                }
            }

            return false;
        }

        // Awaited in a timer, event or Task.Run callback: it still overlaps the sends made outside the callback.
        if (send.Callback is null)
        {
            return false;
        }

        foreach (var other in sends)
        {
            if (other.Callback != send.Callback && SymbolEqualityComparer.Default.Equals(other.Socket, send.Socket) && !other.Serialised)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A send in a loop to a socket that is not the loop's own variable goes to the same socket every iteration.</summary>
    private static bool RepeatsInLoop(IInvocationOperation invocation, ISymbol socket)
    {
        for (var current = invocation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (current is ILoopOperation loop)
            {
                return socket is not ILocalSymbol local || !local.DeclaringSyntaxReferences.IsEmpty &&
                       !loop.Syntax.Span.Contains(local.DeclaringSyntaxReferences[0].Span);
            }
        }

        return false;
    }

    private static bool CanAwait(IInvocationOperation invocation, ISymbol containingSymbol)
    {
        var function = invocation.EnclosingFunction();
        var isAsync = function switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol.IsAsync,
            ILocalFunctionOperation local => local.Symbol.IsAsync,
            _ => containingSymbol is IMethodSymbol { IsAsync: true },
        };
        return isAsync && function is not null && !AsyncRewrite.IsInLock(invocation, function);
    }

    private sealed class Send
    {
        public Send(
            IInvocationOperation invocation, ISymbol socket, SendSerialisation.TaskUse use, IOperation? callback, bool serialised, bool repeatsInLoop,
            bool awaitable)
        {
            Invocation = invocation;
            Socket = socket;
            Use = use;
            Callback = callback;
            Serialised = serialised;
            RepeatsInLoop = repeatsInLoop;
            Awaitable = awaitable;
        }

        public IInvocationOperation Invocation { get; }

        public ISymbol Socket { get; }

        public SendSerialisation.TaskUse Use { get; }

        public IOperation? Callback { get; }

        public bool Serialised { get; }

        public bool RepeatsInLoop { get; }

        public bool Awaitable { get; }
    }
}
