using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>Answers "does this statement run however the code before it ends": inside a finally, or right after a
/// try whose catch swallows every exception.</summary>
internal static class CleanupPaths
{
    public static bool RunsOnEveryExit(WebSocketApis apis, IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (parent is ITryOperation @try && child == @try.Finally)
            {
                return true;
            }
        }

        return CleanupPaths.FollowsCatchAll(apis, operation);
    }

    /// <summary><c>try { ...; Remove(...); } catch (Exception) { Remove(...); }</c>: one removal ends the try block and another
    /// is in a catch that handles every exception, so together they run however the try ends.</summary>
    public static bool CoverTogether(WebSocketApis apis, IEnumerable<IOperation> removals)
    {
        var inBodies = new List<ITryOperation>();
        var inCatchAlls = new List<ITryOperation>();
        foreach (var removal in removals)
        {
            var child = removal;
            for (var parent = removal.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    break;
                }

                if (parent is ITryOperation @try)
                {
                    if (child == @try.Body && EndsBlock(@try.Body, removal))
                    {
                        inBodies.Add(@try);
                    }
                    else if (child is ICatchClauseOperation @catch && CatchesEverything(apis, @catch))
                    {
                        inCatchAlls.Add(@try);
                    }

                    break;
                }
            }
        }

        return inBodies.Any(inCatchAlls.Contains);
    }

    /// <summary><paramref name="operation"/> runs whenever <paramref name="block"/> completes: no loop, condition, switch or
    /// nested try between them.</summary>
    private static bool EndsBlock(IBlockOperation block, IOperation operation)
    {
        for (var current = operation.Parent; current is not null && current != block; current = current.Parent)
        {
            if (current.Kind is OperationKind.Loop or OperationKind.Conditional or OperationKind.Switch or OperationKind.Try or OperationKind.CatchClause)
            {
                return false;
            }
        }

        return true;
    }

    private static bool CatchesEverything(WebSocketApis apis, ICatchClauseOperation @catch) =>
        @catch.Filter is null &&
        (@catch.ExceptionType is null or { SpecialType: SpecialType.System_Object } || @catch.ExceptionType.IsType(apis.Exception));

    /// <summary><c>try { ... } catch (Exception) { ... } Remove(...);</c>: the removal is an unconditional statement after a catch-all.</summary>
    private static bool FollowsCatchAll(WebSocketApis apis, IOperation operation)
    {
        var statement = operation;
        while (statement.Parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation or IExpressionStatementOperation)
        {
            statement = statement.Parent;
        }

        if (statement.Parent is not IBlockOperation block)
        {
            return false;
        }

        foreach (var earlier in block.Operations)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is ITryOperation @try)
            {
                foreach (var @catch in @try.Catches)
                {
                    if (CatchesEverything(apis, @catch))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
