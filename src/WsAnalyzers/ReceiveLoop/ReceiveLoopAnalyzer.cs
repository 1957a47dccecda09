using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The receive-loop protocol rules, WS5001 to WS5003, from one walk of each body that may receive (its invocations, and
/// its compound assignments for strings grown with <c>+=</c>): a ReceiveAsync is asked about its loop's Close handling
/// (WS5001) and the use of its bytes (WS5003); an append, recognised by name and then by symbol, about the fragments it
/// gathers (WS5002).
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
        var receivingBodies = new ReceivingBodies();
        Action<OperationBlockAnalysisContext, IOperation> analyzeReceive = AnalyzeReceive;
        Action<OperationBlockAnalysisContext, IOperation> analyzeAppendCall = AnalyzeAppendCall;
        Action<OperationBlockAnalysisContext, IOperation> analyzeCompoundAssignment = AnalyzeCompoundAssignment;

        // Every finding starts from a ReceiveAsync call in the body (WS5001, WS5003) or from an append in a function whose
        // text mentions ReceiveAsync (WS5002, AssemblingFunctions): a body that never spells it gets nothing registered.
        // Like the operation actions of the other families, the block-start action runs only in the types the relevance
        // gate lets through (RelevantCodeRegistrations). A body that may receive gets one block-end action that walks its
        // operations once (lambdas and local functions included, as the driver's operation actions would see them) and
        // asks about its receives and appends, instead of one operation action per invocation of the body. That one walk
        // is also the scan of the body's own function (ReceiveLoopCaches.ScanBlock), which its receives and appends ask for.
        // RS1013 would have a plain operation-block action: that one the relevance gate does not hold back (it would run
        // for every method body of the compilation), the block-start action it does.
#pragma warning disable RS1013
        context.RegisterOperationBlockStartAction(block =>
        {
            if (receivingBodies.MayReceive(block.OperationBlocks))
            {
                block.RegisterOperationBlockEndAction(AnalyzeBlock);
            }
        });
#pragma warning restore RS1013

        void AnalyzeBlock(OperationBlockAnalysisContext c)
        {
            var candidates = new List<IOperation>();
            foreach (var root in c.OperationBlocks)
            {
                candidates.Clear();
                caches.ScanBlock(root, candidates);
                foreach (var operation in candidates)
                {
                    switch (operation.Kind)
                    {
                        case OperationKind.Invocation:
                            var invocation = (IInvocationOperation)operation;
                            var name = invocation.TargetMethod.Name;
                            if (name == "ReceiveAsync")
                            {
                                if (ignoresClose || endOfMessage)
                                {
                                    LocatedFailures.Run(c, operation, analyzeReceive);
                                }
                            }
                            else if (withoutLimit && Accumulators.MayBeAppend(name))
                            {
                                LocatedFailures.Run(c, operation, analyzeAppendCall);
                            }

                            break;
                        case OperationKind.CompoundAssignment when withoutLimit:
                            LocatedFailures.Run(c, operation, analyzeCompoundAssignment);
                            break;
                    }
                }
            }
        }

        void AnalyzeReceive(OperationBlockAnalysisContext c, IOperation operation)
        {
            if (apis.IsReceive((IInvocationOperation)operation, out var receive))
            {
                if (ignoresClose)
                {
                    ReceiveLoopIgnoresCloseRule.Analyze(c, apis, caches, receive);
                }

                if (endOfMessage)
                {
                    EndOfMessageNotCheckedRule.Analyze(c, apis, caches, receive);
                }
            }
        }

        void AnalyzeAppendCall(OperationBlockAnalysisContext c, IOperation operation)
        {
            if (Accumulators.TryGetAppend(apis, (IInvocationOperation)operation, out var append))
            {
                MessageAssembledWithoutLimitRule.Analyze(c, apis, caches, append);
            }
        }

        void AnalyzeCompoundAssignment(OperationBlockAnalysisContext c, IOperation operation)
        {
            if (Accumulators.TryGetAppend((ICompoundAssignmentOperation)operation, out var append))
            {
                MessageAssembledWithoutLimitRule.Analyze(c, apis, caches, append);
            }
        }
    }
}
