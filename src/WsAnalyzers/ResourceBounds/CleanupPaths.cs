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
                    if (@catch.Filter is null &&
                        (@catch.ExceptionType is null or { SpecialType: SpecialType.System_Object } || @catch.ExceptionType.IsType(apis.Exception)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
