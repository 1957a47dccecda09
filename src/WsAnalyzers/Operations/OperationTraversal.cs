using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Operations;

internal static class OperationTraversal
{
    /// <summary>The operation and its descendants, without descending into lambdas and local functions. A struct walk
    /// over a pooled stack: rules walk method bodies many times, and the allocations of an iterator per walk showed up as
    /// garbage collections charged to the analyzers.</summary>
    public static OperationWalk DescendantsOutsideFunctions(this IOperation root) => new(root, includeFunctions: false);

    /// <summary>The operation and all its descendants, lambdas and local functions included (what a local may be
    /// written by); the same pooled walk.</summary>
    public static OperationWalk DescendantsAndSelfIncludingFunctions(this IOperation root) => new(root, includeFunctions: true);
}

