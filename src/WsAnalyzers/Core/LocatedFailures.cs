using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsAnalyzers.Core;

/// <summary>
/// Wraps every operation action of the rules: rethrows a failure with the file and line it happened at, so an AD0001
/// report is actionable.
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
                var span = context.Operation.Syntax.GetLocation().GetLineSpan();
                throw new InvalidOperationException(
                    $"WsAnalyzers failed at {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {exception.Message}",
                    exception);
            }
        };
}
