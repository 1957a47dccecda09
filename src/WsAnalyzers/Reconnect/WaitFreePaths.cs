using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Answers "can the reconnect run again without passing any of these waits": a wait counts only on the paths that run
/// it. In a retry loop the question is whether some way round the loop, from the reconnect back to it, avoids every wait
/// (a wait only in the <c>catch</c> leaves the normal end of a session without one; a <c>break</c> after a successful
/// connect leaves the loop instead); in a handler or a recursive retry whether some way from the function's start
/// reaches it, and in a <c>catch</c> whether some way from the start of the catch does. A wait guarded by an <c>if</c> or
/// <c>switch</c> that does not hold the reconnect gets the benefit of the doubt (<c>if (attempt &gt; 0) await Task.Delay(...)</c>
/// is not a path without a wait), while one in another branch of the reconnect's own <c>if</c> does not count.
/// The common shapes (a wait that is a plain statement of the loop body or before the reconnect) are decided on the
/// operation tree; the rest on the function's control-flow graph, with an exception from any operation of a <c>try</c>
/// going to its catch clauses.
/// </summary>
internal static class WaitFreePaths
{
    /// <summary>True when a path that reaches <paramref name="target"/> (the reconnect, or the call that schedules it) from
    /// the start that <paramref name="kind"/> implies passes none of <paramref name="waits"/> (operations of
    /// <paramref name="function"/>). <paramref name="loop"/> is the retry loop for <see cref="RetryPathKind.Loop"/>.
    /// False, the benefit of the doubt, when the graph is not available or does not show the operations.</summary>
    public static bool Exists(
        IOperation function, IOperation target, RetryPathKind kind, IOperation? loop, IReadOnlyList<IOperation> waits,
        System.Func<ControlFlowGraph?> rootGraph, INamedTypeSymbol? exception)
    {
        if (waits.Count == 0)
        {
            return true;
        }

        var marks = new List<SyntaxNode>(waits.Count);
        foreach (var wait in waits)
        {
            if (IsPlainlyOnPath(wait, function, target, kind, loop))
            {
                return false;
            }

            marks.Add(Mark(wait, function, target).Syntax);
        }

        if (kind == RetryPathKind.Loop && StraightRoundTrip(target, loop, marks))
        {
            // The answer the graph gives for this shape, without building it.
            return true;
        }

        if (rootGraph() is not { } root || FlowGraphs.Of(root, function) is not { } graph)
        {
            return false;
        }

        return new Search(graph, target.Syntax, marks, exception).Run(kind);
    }

    /// <summary>A wait that is a plain statement of the loop body (no <c>continue</c> or <c>goto</c> can skip it), or a plain
    /// statement of the function body or catch block before the statement that holds the target.</summary>
    private static bool IsPlainlyOnPath(IOperation wait, IOperation function, IOperation target, RetryPathKind kind, IOperation? loop)
    {
        // The shape first, then the jumps (a search of the function's text, and a walk of it when it spells one).
        var statement = StatementOf(wait);
        if (statement?.Parent is not IBlockOperation block)
        {
            return false;
        }

        if (kind == RetryPathKind.Loop)
        {
            return loop is ILoopOperation { Body: var body } && body == block && !HasJump(function, loop);
        }

        var scope = kind == RetryPathKind.Catch ? InnermostCatch(target, function)?.Handler : BodyOf(function);
        if (scope != block)
        {
            return false;
        }

        for (var current = target; current.Parent is not null; current = current.Parent)
        {
            if (current.Parent == block)
            {
                return statement.Syntax.SpanStart < current.Syntax.SpanStart && !HasJump(function, loop);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the way round <paramref name="loop"/> that completes normally runs through straight-line code that
    /// passes no wait: the target is evaluated unconditionally in a statement of the loop body, possibly inside the body
    /// of <c>try</c> statements without <c>finally</c> (their catch clauses, where the waits typically are, are entered
    /// only through an exception and are not on that way), and the rest of the body, the loop condition and the
    /// <c>for</c> increments hold no wait mark, no jump (<c>break</c>, <c>continue</c>, <c>goto</c>, <c>return</c>,
    /// <c>yield</c>, <c>throw</c>), no nested loop, no <c>try</c>, <c>using</c>, <c>lock</c> or <c>switch</c>, and the
    /// condition is not the constant false. On such a loop the control-flow graph has that path (the graph only adds
    /// paths through the catch clauses), so <see cref="Search"/> would find it: the graph is not built. Any other shape
    /// gives false here and is decided on the graph.
    /// </summary>
    private static bool StraightRoundTrip(IOperation target, IOperation? loop, List<SyntaxNode> marks)
    {
        IOperation body;
        switch (loop)
        {
            case IWhileLoopOperation { IgnoredCondition: null } whileLoop when whileLoop.Condition is { } condition &&
                                                                             condition.ConstantValue is not { HasValue: true, Value: false } &&
                                                                             IsStraight(condition, marks):
                body = whileLoop.Body;
                break;
            case IForLoopOperation forLoop when (forLoop.Condition is null ||
                                                 (forLoop.Condition.ConstantValue is not { HasValue: true, Value: false } && IsStraight(forLoop.Condition, marks))) &&
                                                AllStraight(forLoop.AtLoopBottom, marks):
                body = forLoop.Body;
                break;
            default:
                return false;
        }

        var child = target;
        var statementChecked = false;
        for (var parent = target.Parent; parent != loop; parent = parent.Parent)
        {
            switch (parent)
            {
                case null:
                    return false;
                case IBlockOperation block:
                    if (!statementChecked)
                    {
                        // The statement that holds the target, whole.
                        if (!IsStraight(child, marks))
                        {
                            return false;
                        }

                        statementChecked = true;
                    }

                    foreach (var statement in block.Operations)
                    {
                        if (statement != child && !IsStraight(statement, marks))
                        {
                            return false;
                        }
                    }

                    break;
                case ITryOperation { Finally: null } tryStatement when statementChecked && tryStatement.Body == child:
                    break;
                case IAwaitOperation or IConversionOperation or IParenthesizedOperation or IExpressionStatementOperation or IInvocationOperation or
                    IArgumentOperation or ISimpleAssignmentOperation or IVariableInitializerOperation or IVariableDeclaratorOperation or
                    IVariableDeclarationOperation or IVariableDeclarationGroupOperation when !statementChecked:
                    // Parts of the target's own statement, all evaluated whenever the statement is.
                    break;
                default:
                    return false;
            }

            child = parent;
        }

        return statementChecked && child == body;
    }

    private static bool AllStraight(System.Collections.Immutable.ImmutableArray<IOperation> operations, List<SyntaxNode> marks)
    {
        foreach (var operation in operations)
        {
            if (!IsStraight(operation, marks))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>No wait mark in <paramref name="operation"/>, and nothing in it (outside lambdas and local functions) that
    /// can leave it other than by completing: see <see cref="StraightRoundTrip"/>.</summary>
    private static bool IsStraight(IOperation operation, List<SyntaxNode> marks)
    {
        var span = operation.Syntax.Span;
        foreach (var mark in marks)
        {
            if (mark.SyntaxTree == operation.Syntax.SyntaxTree && mark.Span.IntersectsWith(span))
            {
                return false;
            }
        }

        foreach (var descendant in operation.DescendantsOutsideFunctions())
        {
            switch (descendant.Kind)
            {
                case OperationKind.Loop or OperationKind.Branch or OperationKind.Return or OperationKind.YieldReturn or OperationKind.YieldBreak or
                    OperationKind.Throw or OperationKind.Try or OperationKind.Using or OperationKind.UsingDeclaration or OperationKind.Lock or
                    OperationKind.Switch or OperationKind.SwitchExpression or OperationKind.Labeled or OperationKind.Stop or OperationKind.End or
                    OperationKind.Invalid:
                    return false;
            }
        }

        return true;
    }

    /// <summary>A <c>continue</c> (in the loop, outside nested loops) or a <c>goto</c> anywhere in the function can skip a
    /// statement of a block.</summary>
    private static bool HasJump(IOperation function, IOperation? loop)
    {
        if (!SourceSpans.Contains(function.Syntax, "continue") && !SourceSpans.Contains(function.Syntax, "goto"))
        {
            return false;
        }

        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is IBranchOperation branch &&
                (branch.BranchKind == BranchKind.GoTo || (branch.BranchKind == BranchKind.Continue && loop is ILoopOperation l && SymbolEqualityComparer.Default.Equals(branch.Target, l.ContinueLabel))))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? StatementOf(IOperation operation)
    {
        for (var current = operation; current.Parent is not null; current = current.Parent)
        {
            if (current.Parent is IBlockOperation)
            {
                return current;
            }
        }

        return null;
    }

    private static ICatchClauseOperation? InnermostCatch(IOperation operation, IOperation function)
    {
        for (var parent = operation.Parent; parent is not null && parent != function; parent = parent.Parent)
        {
            if (parent is ICatchClauseOperation clause)
            {
                return clause;
            }
        }

        return null;
    }

    private static IOperation? BodyOf(IOperation function) => function switch
    {
        IAnonymousFunctionOperation lambda => lambda.Body,
        ILocalFunctionOperation local => local.Body,
        IMethodBodyOperation method => method.BlockBody ?? method.ExpressionBody,
        IConstructorBodyOperation constructor => constructor.BlockBody ?? constructor.ExpressionBody,
        _ => function,
    };

    /// <summary>Where the path passes the wait: the condition of the outermost if / switch around it that does not hold the
    /// target (the benefit of the doubt for a guarded wait), else the wait itself.</summary>
    private static IOperation Mark(IOperation wait, IOperation function, IOperation target)
    {
        var mark = wait;
        for (var parent = wait.Parent; parent is not null && parent != function && !target.IsWithin(parent); parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional:
                    mark = conditional.Condition;
                    break;
                case ISwitchOperation @switch:
                    mark = @switch.Value;
                    break;
            }
        }

        return mark;
    }

    /// <summary>A search over the basic blocks: a state is "at the start of block N"; the start state depends on the path kind.</summary>
    private sealed class Search
    {
        private readonly ControlFlowGraph _graph;
        private readonly INamedTypeSymbol? _exception;
        private readonly HashSet<(int Block, int Index)> _targets = new();
        private readonly HashSet<(int Block, int Index)> _waits = new();
        private readonly HashSet<int> _waitBlocks = new();
        private readonly HashSet<int> _entered = new();
        private readonly Stack<int> _pending = new();

        public Search(ControlFlowGraph graph, SyntaxNode target, List<SyntaxNode> marks, INamedTypeSymbol? exception)
        {
            _graph = graph;
            _exception = exception;
            foreach (var block in graph.Blocks)
            {
                var count = block.Operations.Length + (block.BranchValue is null ? 0 : 1);
                for (var index = 0; index < count; index++)
                {
                    var operation = index < block.Operations.Length ? block.Operations[index] : block.BranchValue!;
                    if (!operation.Syntax.Span.IntersectsWith(target.Span) && !Intersects(operation.Syntax, marks))
                    {
                        continue;
                    }

                    foreach (var descendant in operation.DescendantsOutsideFunctions())
                    {
                        if (descendant.Syntax == target)
                        {
                            _targets.Add((block.Ordinal, index));
                        }

                        foreach (var mark in marks)
                        {
                            if (mark.SyntaxTree == descendant.Syntax.SyntaxTree && mark.Span.Contains(descendant.Syntax.Span))
                            {
                                _waits.Add((block.Ordinal, index));
                                _waitBlocks.Add(block.Ordinal);
                            }
                        }
                    }
                }
            }
        }

        public bool Run(RetryPathKind kind)
        {
            if (_targets.Count == 0)
            {
                return false;
            }

            switch (kind)
            {
                case RetryPathKind.Loop:
                    // Round the loop: from just after the reconnect (which may itself throw) back to it.
                    foreach (var (block, index) in _targets)
                    {
                        if (Scan(_graph.Blocks[block], index + 1, mayThrow: true, skipTargets: true))
                        {
                            return true;
                        }
                    }

                    break;
                case RetryPathKind.Catch:
                    foreach (var (block, _) in _targets)
                    {
                        if (EnclosingHandler(_graph.Blocks[block].EnclosingRegion) is { } handler)
                        {
                            _pending.Push(handler.FirstBlockOrdinal);
                        }
                    }

                    break;
                default:
                    _pending.Push(0);
                    break;
            }

            while (_pending.Count > 0)
            {
                var ordinal = _pending.Pop();
                if (_entered.Add(ordinal) && Scan(_graph.Blocks[ordinal], 0, mayThrow: false, skipTargets: false))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Runs the block's operations from <paramref name="from"/>: true when the target comes before any wait;
        /// otherwise queues where control goes next (successors and, when an operation may throw first, the catch clauses).</summary>
        private bool Scan(BasicBlock block, int from, bool mayThrow, bool skipTargets)
        {
            var count = block.Operations.Length + (block.BranchValue is null ? 0 : 1);
            for (var index = from; index < count; index++)
            {
                if (!skipTargets && _targets.Contains((block.Ordinal, index)))
                {
                    return true;
                }

                if (_waits.Contains((block.Ordinal, index)))
                {
                    if (mayThrow || index > from)
                    {
                        QueueHandlers(block.EnclosingRegion);
                    }

                    return false;
                }
            }

            if (mayThrow || count > from)
            {
                QueueHandlers(block.EnclosingRegion);
            }

            Follow(block, block.FallThroughSuccessor);
            Follow(block, block.ConditionalSuccessor);
            return false;
        }

        private void Follow(BasicBlock block, ControlFlowBranch? branch)
        {
            if (branch is null)
            {
                return;
            }

            foreach (var @finally in branch.FinallyRegions)
            {
                if (HoldsWait(@finally))
                {
                    return;
                }
            }

            if (branch.Destination is { } destination)
            {
                _pending.Push(destination.Ordinal);
            }
            else if (branch.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow)
            {
                QueueHandlers(block.EnclosingRegion);
            }
        }

        /// <summary>Where an exception raised in <paramref name="region"/> goes: the catch clauses of the enclosing try
        /// statements, innermost first, up to one that catches everything; a finally on the way that waits ends the path.</summary>
        private void QueueHandlers(ControlFlowRegion region)
        {
            for (var current = region; current.EnclosingRegion is { } parent; current = parent)
            {
                if (current.Kind != ControlFlowRegionKind.Try)
                {
                    continue;
                }

                if (parent.Kind == ControlFlowRegionKind.TryAndFinally && parent.NestedRegions.Length > 1 && HoldsWait(parent.NestedRegions[1]))
                {
                    return;
                }

                if (parent.Kind != ControlFlowRegionKind.TryAndCatch)
                {
                    continue;
                }

                var catchesAll = false;
                foreach (var handler in parent.NestedRegions)
                {
                    if (handler.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler)
                    {
                        _pending.Push(handler.FirstBlockOrdinal);
                        catchesAll |= handler.Kind == ControlFlowRegionKind.Catch &&
                                      (handler.ExceptionType is null || handler.ExceptionType.SpecialType == SpecialType.System_Object ||
                                       SymbolEqualityComparer.Default.Equals(handler.ExceptionType, _exception));
                    }
                }

                if (catchesAll)
                {
                    return;
                }
            }
        }

        private bool HoldsWait(ControlFlowRegion region)
        {
            for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
            {
                if (_waitBlocks.Contains(ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static ControlFlowRegion? EnclosingHandler(ControlFlowRegion? region)
        {
            for (var current = region; current is not null; current = current.EnclosingRegion)
            {
                if (current.Kind == ControlFlowRegionKind.Catch)
                {
                    return current.EnclosingRegion?.Kind == ControlFlowRegionKind.FilterAndHandler ? current.EnclosingRegion : current;
                }
            }

            return null;
        }

        private static bool Intersects(SyntaxNode syntax, List<SyntaxNode> marks)
        {
            foreach (var mark in marks)
            {
                if (mark.SyntaxTree == syntax.SyntaxTree && syntax.Span.IntersectsWith(mark.Span))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
