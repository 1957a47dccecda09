using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// The client connection rules, WS1001 to WS1005, run from one invocation action. Every call of the compilation is
/// asked the same two questions (is it a connect, is it a reconnect) before any of the five has anything to do, and an
/// action per rule made each of them pay the driver's callback and the rejection of every call on its own.
/// <see cref="ClientConnectionAnalyzer"/> is what the package ships; the single-rule subclasses are what the tests and
/// the per-rule benchmarks run.
/// </summary>
public abstract class ClientConnectionRules : RuleFamilyAnalyzer
{
    private protected ClientConnectionRules(params DiagnosticDescriptor[] rules)
        : base(rules)
    {
    }

    private protected sealed override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        var compilation = context.Compilation;
        var cancellation = context.CancellationToken;
        var noDelay = Runs(compilation, Descriptors.WS1001ReconnectWithoutDelay, cancellation) && ReconnectDiagnostics.HasClientApi(apis);
        var noBackoff = Runs(compilation, Descriptors.WS1002ReconnectWithoutBackoff, cancellation) && ReconnectDiagnostics.HasClientApi(apis);
        var afterNormalClosure = Runs(compilation, Descriptors.WS1003ReconnectAfterNormalClosure, cancellation) && ReconnectAfterNormalClosureAnalyzer.AppliesTo(apis);
        var reused = Runs(compilation, Descriptors.WS1004ClientWebSocketReused, cancellation) && apis.ClientWebSocket is not null;
        var perMessage = Runs(compilation, Descriptors.WS1005ConnectionPerMessage, cancellation) && ReconnectDiagnostics.HasClientApi(apis);
        var reconnects = noDelay || noBackoff || afterNormalClosure;
        var connects = reused || perMessage;
        if (reconnects || connects)
        {
            RegisterOperationAction(context, AnalyzeInvocation, OperationKind.Invocation);
        }

        if (noBackoff && apis.RetryPolicy is not null)
        {
            RegisterOperationAction(context, c => ReconnectWithoutBackoffAnalyzer.AnalyzeRetryPolicy(c, apis), OperationKind.MethodBody);
        }

        void AnalyzeInvocation(OperationAnalysisContext c)
        {
            var invocation = (IInvocationOperation)c.Operation;
            var isConnect = apis.IsConnect(invocation, out var connect);
            if (reconnects && apis.IsReconnectCall(invocation, isConnect, connect, c.ContainingSymbol, out var reach))
            {
                if ((noDelay || noBackoff) && apis.TryAnalyzeReconnect(reach, c.ContainingSymbol, out var finding))
                {
                    if (noDelay && finding.Verdict == ReconnectVerdict.NoDelay)
                    {
                        ReconnectWithoutDelayAnalyzer.Report(c, apis, finding);
                    }
                    else if (noBackoff && finding.Verdict == ReconnectVerdict.NoBackoffWithJitter)
                    {
                        ReconnectWithoutBackoffAnalyzer.Report(c, apis, finding);
                    }
                }

                if (afterNormalClosure)
                {
                    ReconnectAfterNormalClosureAnalyzer.Analyze(c, apis, invocation);
                }
            }

            if (connects && isConnect)
            {
                if (reused)
                {
                    ClientWebSocketReusedAnalyzer.Analyze(c, apis, invocation, connect);
                }

                if (perMessage)
                {
                    ConnectionPerMessageAnalyzer.Analyze(c, apis, invocation, connect);
                }
            }
        }
    }
}
