using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>Control-flow graphs for <see cref="WaitFreePaths"/>: the graph of the analysed member (built and cached by the
/// analyzer driver) and, inside it, the graph of a lambda or local function.</summary>
internal static class FlowGraphs
{
    /// <summary>The graph of the member the analysed operation is in, when its root is a body the graph supports.</summary>
    public static ControlFlowGraph? Root(OperationAnalysisContext context)
    {
        var root = context.Operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block or
            OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer
            ? context.GetControlFlowGraph()
            : null;
    }

    /// <summary>The graph of <paramref name="function"/> (the root's own body, a lambda or a local function in it).</summary>
    public static ControlFlowGraph? Of(ControlFlowGraph root, IOperation function)
    {
        if (function is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            return root;
        }

        // The functions between the root and this one, outermost first.
        var chain = new List<IOperation> { function };
        for (var outer = function.EnclosingFunction(); outer is IAnonymousFunctionOperation or ILocalFunctionOperation; outer = outer.EnclosingFunction())
        {
            chain.Insert(0, outer);
        }

        var graph = root;
        foreach (var step in chain)
        {
            graph = step is ILocalFunctionOperation local ? Local(graph, local.Symbol) : Lambda(graph, step.Syntax);
            if (graph is null)
            {
                return null;
            }
        }

        return graph;
    }

    private static ControlFlowGraph? Local(ControlFlowGraph graph, IMethodSymbol symbol)
    {
        foreach (var local in graph.LocalFunctions)
        {
            if (SymbolEqualityComparer.Default.Equals(local, symbol))
            {
                return graph.GetLocalFunctionControlFlowGraph(local);
            }
        }

        return null;
    }

    private static ControlFlowGraph? Lambda(ControlFlowGraph graph, SyntaxNode syntax)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (Find(operation, syntax) is { } lambda)
                {
                    return graph.GetAnonymousFunctionControlFlowGraph(lambda);
                }
            }

            if (block.BranchValue is { } value && Find(value, syntax) is { } inBranch)
            {
                return graph.GetAnonymousFunctionControlFlowGraph(inBranch);
            }
        }

        return null;
    }

    private static IFlowAnonymousFunctionOperation? Find(IOperation operation, SyntaxNode syntax)
    {
        if (!operation.Syntax.Span.Contains(syntax.Span))
        {
            return null;
        }

        foreach (var descendant in operation.DescendantsOutsideFunctions())
        {
            if (descendant is IFlowAnonymousFunctionOperation lambda && lambda.Syntax == syntax)
            {
                return lambda;
            }
        }

        return null;
    }
}
