using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsAnalyzers.Core;

/// <summary>
/// Wraps every operation action of the rules, and every question a block action asks about one operation: rethrows a
/// failure with the file and line it happened at, so an AD0001 report is actionable.
/// </summary>
internal static class LocatedFailures
{
    /// <summary>Wraps <paramref name="action"/> once, at registration, so no closure is allocated per operation.</summary>
    public static Action<OperationAnalysisContext> Wrap(Action<OperationAnalysisContext> action) =>
        context =>
        {
            try
            {
                action(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw At(context.Operation, exception);
            }
        };

    /// <summary>Runs one question of a block action about <paramref name="operation"/>.</summary>
    public static void Run(OperationBlockAnalysisContext context, IOperation operation, Action<OperationBlockAnalysisContext, IOperation> analyze)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            analyze(context, operation);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw At(operation, exception);
        }
    }

    private static InvalidOperationException At(IOperation operation, Exception exception)
    {
        var span = operation.Syntax.GetLocation().GetLineSpan();
        return new InvalidOperationException(
            $"WsAnalyzers failed at {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {exception.Message}",
            exception);
    }
}
