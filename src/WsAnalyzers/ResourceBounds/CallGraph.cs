using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// Calls between methods of the compilation, collected by an invocation action and queried at compilation end:
/// "does OnDisconnectedAsync reach the method that removes the connection".
/// </summary>
internal sealed class CallGraph
{
    private const int MaxDepth = 4;

    private readonly ConcurrentDictionary<ISymbol, List<ISymbol>> _callees = new(SymbolEqualityComparer.Default);

    public void Record(OperationAnalysisContext context)
    {
        // A method written in source has declaring syntax, and a method from metadata has none: the cheapest test there is
        // for most calls. An implicitly declared method has none either, and is recorded when it is declared in source.
        var target = ((IInvocationOperation)context.Operation).TargetMethod;
        if (context.ContainingSymbol is not IMethodSymbol caller ||
            (target.IsImplicitlyDeclared ? target.Locations.Length == 0 || !target.Locations[0].IsInSource : target.DeclaringSyntaxReferences.IsEmpty))
        {
            return;
        }

        var callees = _callees.GetOrAdd(caller.OriginalDefinition, static _ => new List<ISymbol>());
        lock (callees)
        {
            callees.Add(target.OriginalDefinition);
        }
    }

    /// <summary>True when <paramref name="from"/> is <paramref name="to"/> or calls it, directly or a few calls deep.</summary>
    public bool Reaches(ISymbol from, ISymbol to)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { from.OriginalDefinition };
        var frontier = new List<ISymbol> { from.OriginalDefinition };
        for (var depth = 0; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<ISymbol>();
            foreach (var method in frontier)
            {
                if (SymbolEqualityComparer.Default.Equals(method, to.OriginalDefinition))
                {
                    return true;
                }

                if (_callees.TryGetValue(method, out var callees))
                {
                    // Read at compilation end, after every invocation action has run.
                    foreach (var callee in callees)
                    {
                        if (seen.Add(callee))
                        {
                            next.Add(callee);
                        }
                    }
                }
            }

            frontier = next;
        }

        return false;
    }
}
