using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// The reconnect rules, WS1001 to WS1005, for WebSocket clients, from one invocation action. Every call of the compilation
/// is asked the same two questions (is it a connect, is it a reconnect) before any of the five has anything to do; an
/// action per rule made each of them pay the driver's callback and the rejection of every call on its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReconnectAnalyzer : WebSocketAnalyzer
{
    public ReconnectAnalyzer()
        : base(
            Descriptors.WS1001ReconnectWithoutDelay,
            Descriptors.WS1002ReconnectWithoutBackoff,
            Descriptors.WS1003ReconnectAfterNormalClosure,
            Descriptors.WS1004ClientWebSocketReused,
            Descriptors.WS1005ConnectionPerMessage)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        var compilation = context.Compilation;
        var cancellation = context.CancellationToken;
        var noDelay = Runs(compilation, Descriptors.WS1001ReconnectWithoutDelay, cancellation) && ReconnectDiagnostics.HasClientApi(apis);
        var noBackoff = Runs(compilation, Descriptors.WS1002ReconnectWithoutBackoff, cancellation) && ReconnectDiagnostics.HasClientApi(apis);
        var afterNormalClosure = Runs(compilation, Descriptors.WS1003ReconnectAfterNormalClosure, cancellation) && ReconnectAfterNormalClosureRule.AppliesTo(apis);
        var reused = Runs(compilation, Descriptors.WS1004ClientWebSocketReused, cancellation) && apis.ClientWebSocket is not null;
        var perMessage = Runs(compilation, Descriptors.WS1005ConnectionPerMessage, cancellation) && ReconnectDiagnostics.HasClientApi(apis);
        var reconnects = noDelay || noBackoff || afterNormalClosure;
        var connects = reused || perMessage;
        var caches = new ReconnectCaches();
        if (reconnects || connects)
        {
            RegisterOperationAction(context, AnalyzeInvocation, OperationKind.Invocation);
        }

        if (noBackoff && apis.RetryPolicy is not null)
        {
            RegisterOperationAction(context, c => ReconnectWithoutBackoffRule.AnalyzeRetryPolicy(c, apis), OperationKind.MethodBody);
        }

        void AnalyzeInvocation(OperationAnalysisContext c)
        {
            var invocation = (IInvocationOperation)c.Operation;
            var isConnect = apis.IsConnect(invocation, out var connect);
            var oneShot = default(OneShotAnswer);
            if (reconnects && ReconnectReach.TryFind(apis, caches, invocation, isConnect, connect, out var reach))
            {
                // The retry path is the first question of WS1001 / WS1002 and of WS1003 alike: found once.
                var path = RetryPath.FindThroughDeferrals(apis, caches, invocation, c.ContainingSymbol, out var callbacks, out var pathEnd);
                if (path.IsRetry)
                {
                    if (noDelay || noBackoff)
                    {
                        AnalyzeRetry(c, reach, path, callbacks, pathEnd, ref oneShot);
                    }

                    if (afterNormalClosure)
                    {
                        ReconnectAfterNormalClosureRule.Analyze(c, apis, invocation, path, pathEnd);
                    }
                }
            }

            if (connects && isConnect)
            {
                if (reused)
                {
                    ClientWebSocketReusedRule.Analyze(c, apis, caches, invocation, connect);
                }

                if (perMessage)
                {
                    ConnectionPerMessageRule.Analyze(c, apis, invocation, connect, ref oneShot);
                }
            }
        }

        // Apart from AnalyzeInvocation: the graph callback's closure is then allocated only for a reconnect, not per call.
        void AnalyzeRetry(
            OperationAnalysisContext c, ReconnectReach reach, RetryPath path, ImmutableArray<DeferredCallback> callbacks, IOperation pathEnd, ref OneShotAnswer oneShot)
        {
            if (ReconnectFinding.TryAnalyze(apis, reach, path, callbacks, pathEnd, () => FlowGraphs.Root(c), ref oneShot, out var finding))
            {
                if (noDelay && finding.Verdict == ReconnectVerdict.NoDelay)
                {
                    ReconnectWithoutDelayRule.Report(c, apis, finding);
                }
                else if (noBackoff && finding.Verdict == ReconnectVerdict.NoBackoffWithJitter)
                {
                    ReconnectWithoutBackoffRule.Report(c, apis, finding);
                }
            }
        }
    }
}
