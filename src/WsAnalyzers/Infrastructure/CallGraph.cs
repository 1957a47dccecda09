using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// Calls between methods of the compilation, collected by an invocation action and queried at compilation end:
/// "does OnDisconnectedAsync reach the method that removes the connection".
/// </summary>
internal sealed class CallGraph
{
    private const int MaxDepth = 4;

    private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<ISymbol>> _callees = new(SymbolEqualityComparer.Default);

    public void Record(OperationAnalysisContext context)
    {
        var target = ((IInvocationOperation)context.Operation).TargetMethod.OriginalDefinition;
        if (context.ContainingSymbol is IMethodSymbol caller && target.Locations.Length > 0 && target.Locations[0].IsInSource)
        {
            _callees.GetOrAdd(caller.OriginalDefinition, static _ => new ConcurrentBag<ISymbol>()).Add(target);
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
