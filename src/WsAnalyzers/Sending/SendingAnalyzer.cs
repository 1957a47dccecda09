using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.Sending;

/// <summary>
/// The sending rules, WS3001 to WS3003, from one invocation action (and WS3002's loop action): every call of the
/// compilation is asked once whether it is a send or a ForEach over connections, where an action per rule asked each
/// call three times.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SendingAnalyzer : WebSocketAnalyzer
{
    public SendingAnalyzer()
        : base(
            Descriptors.WS3001SendWithoutStateCheck,
            Descriptors.WS3002BroadcastStopsAtFirstFailure,
            Descriptors.WS3003SendNotAwaited)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        var compilation = context.Compilation;
        var cancellation = context.CancellationToken;
        var threading = apis.Threading;
        var caches = new SendingCaches();
        var stateCheck = Runs(compilation, Descriptors.WS3001SendWithoutStateCheck, cancellation) && SendWithoutStateCheckRule.AppliesTo(apis);
        var broadcast = Runs(compilation, Descriptors.WS3002BroadcastStopsAtFirstFailure, cancellation) && BroadcastStopsAtFirstFailureRule.AppliesTo(apis);
        var notAwaited = Runs(compilation, Descriptors.WS3003SendNotAwaited, cancellation) && apis.WebSocket is not null;
        if (stateCheck || broadcast || notAwaited)
        {
            RegisterOperationAction(context, AnalyzeInvocation, OperationKind.Invocation);
        }

        if (broadcast)
        {
            RegisterOperationAction(context, c => BroadcastStopsAtFirstFailureRule.AnalyzeLoop(c, apis, threading, caches), OperationKind.Loop);
        }

        void AnalyzeInvocation(OperationAnalysisContext c)
        {
            var invocation = (IInvocationOperation)c.Operation;
            if ((stateCheck || notAwaited) && apis.IsSend(invocation, out var send))
            {
                if (stateCheck)
                {
                    SendWithoutStateCheckRule.Analyze(c, apis, send);
                }

                if (notAwaited)
                {
                    SendNotAwaitedRule.Analyze(c, apis, threading, caches, send);
                }
            }
            else if (broadcast)
            {
                BroadcastStopsAtFirstFailureRule.AnalyzeForEachCall(c, apis, threading, caches, invocation);
            }
        }
    }
}
