using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// Calls between methods of the compilation, collected by an invocation action and queried at compilation end:
/// "does OnDisconnectedAsync reach the method that removes the connection", "who calls the method that registers it".
/// A call written in a local function is the local function's call; one written in a lambda is the enclosing
/// method's (or local function's).
/// </summary>
internal sealed class CallGraph
{
    private const int MaxDepth = 4;

    private readonly ConcurrentDictionary<ISymbol, List<(ISymbol Callee, SyntaxNode Call)>> _callees = new(SymbolEqualityComparer.Default);
    private readonly SourceBodies _bodies;

    // Built at compilation end, on the one thread that reads it.
    private Dictionary<ISymbol, List<(ISymbol Caller, SyntaxNode Call)>>? _callers;

    public CallGraph(SourceBodies bodies) => _bodies = bodies;

    public void Record(OperationAnalysisContext context)
    {
        // A method written in source has declaring syntax, and a method from metadata has none: the cheapest test there is
        // for most calls. An implicitly declared method has none either, and is recorded when it is declared in source.
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod;
        if (context.ContainingSymbol is not IMethodSymbol member ||
            (target.IsImplicitlyDeclared ? target.Locations.Length == 0 || !target.Locations[0].IsInSource : target.DeclaringSyntaxReferences.IsEmpty))
        {
            return;
        }

        var caller = EnclosingLocalFunction(invocation) ?? member.OriginalDefinition;
        if (!_callees.TryGetValue(caller, out var callees))
        {
            callees = _callees.GetOrAdd(caller, static _ => new List<(ISymbol, SyntaxNode)>());
            _bodies.Remember(invocation);
        }

        lock (callees)
        {
            callees.Add((target.OriginalDefinition, invocation.Syntax));
        }
    }

    /// <summary>True when <paramref name="from"/> is <paramref name="to"/> or calls it, directly or a few calls deep.</summary>
    public bool Reaches(ISymbol from, ISymbol to)
    {
        // The commonest answer (the end-of-connection override is the method that removes) needs no walk.
        if (SymbolEqualityComparer.Default.Equals(from.OriginalDefinition, to.OriginalDefinition))
        {
            return true;
        }

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
                    foreach (var (callee, _) in callees)
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

    /// <summary>The calls of <paramref name="method"/> in the compilation: the calling method or local function and the
    /// call's syntax (compilation end only).</summary>
    public IReadOnlyList<(ISymbol Caller, SyntaxNode Call)> CallersOf(ISymbol method)
    {
        if (_callers is null)
        {
            _callers = new Dictionary<ISymbol, List<(ISymbol, SyntaxNode)>>(SymbolEqualityComparer.Default);
            foreach (var pair in _callees)
            {
                foreach (var (callee, call) in pair.Value)
                {
                    if (!_callers.TryGetValue(callee, out var list))
                    {
                        _callers[callee] = list = new List<(ISymbol, SyntaxNode)>();
                    }

                    list.Add((pair.Key, call));
                }
            }
        }

        return _callers.TryGetValue(method.OriginalDefinition, out var callers) ? callers : (IReadOnlyList<(ISymbol, SyntaxNode)>)System.Array.Empty<(ISymbol, SyntaxNode)>();
    }

    private static ISymbol? EnclosingLocalFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind == OperationKind.LocalFunction)
            {
                return ((ILocalFunctionOperation)current).Symbol.OriginalDefinition;
            }
        }

        return null;
    }
}
