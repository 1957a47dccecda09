using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// Runs a message-handler rule over one type at a time. A finding directly on a handler's path is reported at once; a
/// finding in an ordinary method is kept until the end of the type and reported when a handler calls that method
/// synchronously, directly or through at most <see cref="MaxCallDepth"/> calls of same-type methods or local functions
/// (cycles are followed once).
/// Calls from a lambda that is not a handler (Task.Run, a queue consumer) do not carry the handler path.
/// </summary>
internal sealed class HandlerReach
{
    public const int MaxCallDepth = 3;

    private readonly INamedTypeSymbol _type;
    private readonly object _gate = new();
    private readonly HashSet<IMethodSymbol> _roots = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, HashSet<IMethodSymbol>> _calls = new(SymbolEqualityComparer.Default);
    private readonly List<(IMethodSymbol Method, Diagnostic Diagnostic)> _pending = new();

    private HandlerReach(INamedTypeSymbol type) => _type = type;

    /// <summary>
    /// Registers the rule: <paramref name="isCandidate"/> is a cheap symbol test run on every operation of
    /// <paramref name="kinds"/>; <paramref name="diagnose"/> runs on candidates that are on a handler path or in a method
    /// body and returns the diagnostic to report when the path is (or turns out to be) a handler's.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        WebSocketApis apis,
        Func<IOperation, bool> isCandidate,
        Func<IOperation, HandlerPath, Diagnostic?> diagnose,
        params OperationKind[] kinds)
    {
        context.RegisterSymbolStartAction(
            start =>
            {
                var reach = new HandlerReach((INamedTypeSymbol)start.Symbol);
                start.RegisterOperationAction(c => LocatedFailures.Run(c, () => reach.OnInvocation(apis, c)), OperationKind.Invocation);
                start.RegisterOperationAction(c => LocatedFailures.Run(c, () => reach.OnCandidate(apis, c, isCandidate, diagnose)), kinds);
                start.RegisterSymbolEndAction(reach.ReportReached);
            },
            SymbolKind.NamedType);
    }

    private void OnInvocation(WebSocketApis apis, OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var callee = invocation.TargetMethod.OriginalDefinition;
        if (callee.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || callee.IsAbstract || callee.DeclaringSyntaxReferences.IsEmpty ||
            !SymbolEqualityComparer.Default.Equals(callee.ContainingType?.OriginalDefinition, _type.OriginalDefinition))
        {
            return;
        }

        var path = apis.FindHandlerPath(invocation, context.ContainingSymbol);
        lock (_gate)
        {
            switch (path.Kind)
            {
                case HandlerPathKind.Handler:
                    _roots.Add(callee);
                    break;
                case HandlerPathKind.Method when path.Method is { } caller:
                    if (!_calls.TryGetValue(caller, out var callees))
                    {
                        _calls[caller] = callees = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                    }

                    callees.Add(callee);
                    break;
            }
        }
    }

    private void OnCandidate(
        WebSocketApis apis, OperationAnalysisContext context, Func<IOperation, bool> isCandidate, Func<IOperation, HandlerPath, Diagnostic?> diagnose)
    {
        if (!isCandidate(context.Operation))
        {
            return;
        }

        var path = apis.FindHandlerPath(context.Operation, context.ContainingSymbol);
        if (path.Kind == HandlerPathKind.None || diagnose(context.Operation, path) is not { } diagnostic)
        {
            return;
        }

        if (path.Kind == HandlerPathKind.Handler)
        {
            context.ReportDiagnostic(diagnostic);
            return;
        }

        lock (_gate)
        {
            _pending.Add((path.Method!, diagnostic));
        }
    }

    private void ReportReached(SymbolAnalysisContext context)
    {
        HashSet<IMethodSymbol> reached;
        lock (_gate)
        {
            if (_pending.Count == 0 || _roots.Count == 0)
            {
                return;
            }

            reached = new HashSet<IMethodSymbol>(_roots, SymbolEqualityComparer.Default);
            var frontier = new List<IMethodSymbol>(_roots);
            for (var depth = 1; depth < MaxCallDepth && frontier.Count > 0; depth++)
            {
                var next = new List<IMethodSymbol>();
                foreach (var method in frontier)
                {
                    if (_calls.TryGetValue(method, out var callees))
                    {
                        foreach (var callee in callees)
                        {
                            if (reached.Add(callee))
                            {
                                next.Add(callee);
                            }
                        }
                    }
                }

                frontier = next;
            }
        }

        foreach (var (method, diagnostic) in _pending)
        {
            if (reached.Contains(method.OriginalDefinition))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
