using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The receive-loop protocol rules, WS5001 to WS5003, from one invocation action (and a compound-assignment action for
/// strings grown with <c>+=</c>): a ReceiveAsync is asked about its loop's Close handling (WS5001) and the use of its
/// bytes (WS5003); an append, recognised by name and then by symbol, about the fragments it gathers (WS5002).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReceiveLoopAnalyzer : WebSocketAnalyzer
{
    public ReceiveLoopAnalyzer()
        : base(
            Descriptors.WS5001ReceiveLoopIgnoresClose,
            Descriptors.WS5002MessageAssembledWithoutLimit,
            Descriptors.WS5003EndOfMessageNotChecked)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        var compilation = context.Compilation;
        var cancellation = context.CancellationToken;
        var ignoresClose = Runs(compilation, Descriptors.WS5001ReceiveLoopIgnoresClose, cancellation) && ReceiveLoopIgnoresCloseRule.AppliesTo(apis);
        var withoutLimit = Runs(compilation, Descriptors.WS5002MessageAssembledWithoutLimit, cancellation) && MessageAssembledWithoutLimitRule.AppliesTo(apis);
        var endOfMessage = Runs(compilation, Descriptors.WS5003EndOfMessageNotChecked, cancellation) && EndOfMessageNotCheckedRule.AppliesTo(apis);
        if (!ignoresClose && !withoutLimit && !endOfMessage)
        {
            return;
        }

        var caches = new ReceiveLoopCaches(apis);
        var invocationAction = LocatedFailures.Wrap(AnalyzeInvocation);
        var compoundAssignmentAction = withoutLimit ? LocatedFailures.Wrap(AnalyzeCompoundAssignment) : null;

        // Every finding starts from a ReceiveAsync call in the body (WS5001, WS5003) or from an append in a function whose
        // text mentions ReceiveAsync (WS5002, AssemblingFunctions): a body that never spells it gets no operation action,
        // instead of one call per invocation. Like the operation actions of the other families, the block-start action
        // runs only in the types the relevance gate lets through (RelevantCodeRegistrations).
        context.RegisterOperationBlockStartAction(block =>
        {
            if (!ReceivingBodies.MayReceive(block.OperationBlocks))
            {
                return;
            }

            block.RegisterOperationAction(invocationAction, OperationKind.Invocation);
            if (compoundAssignmentAction is not null)
            {
                block.RegisterOperationAction(compoundAssignmentAction, OperationKind.CompoundAssignment);
            }
        });

        void AnalyzeInvocation(OperationAnalysisContext c)
        {
            var invocation = (IInvocationOperation)c.Operation;
            var name = invocation.TargetMethod.Name;
            if (name == "ReceiveAsync")
            {
                if ((ignoresClose || endOfMessage) && apis.IsReceive(invocation, out var receive))
                {
                    if (ignoresClose)
                    {
                        ReceiveLoopIgnoresCloseRule.Analyze(c, apis, receive);
                    }

                    if (endOfMessage)
                    {
                        EndOfMessageNotCheckedRule.Analyze(c, apis, caches, receive);
                    }
                }
            }
            else if (withoutLimit && Accumulators.MayBeAppend(name) && Accumulators.TryGetAppend(apis, invocation, out var append))
            {
                MessageAssembledWithoutLimitRule.Analyze(c, apis, caches, append);
            }
        }

        void AnalyzeCompoundAssignment(OperationAnalysisContext c)
        {
            if (Accumulators.TryGetAppend((ICompoundAssignmentOperation)c.Operation, out var append))
            {
                MessageAssembledWithoutLimitRule.Analyze(c, apis, caches, append);
            }
        }
    }
}
