using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Runs a message-handler rule. A finding directly on a handler's path is reported at once; a finding in an ordinary
/// method is reported when a handler of the same type calls that method synchronously, directly or through at most
/// <see cref="MaxCallDepth"/> calls of same-type methods or local functions declared in the same file (cycles are
/// followed once). Calls from a lambda that is not a handler (Task.Run, a queue consumer) do not carry the handler path.
/// The callers of a method are looked up only when a finding waits for them, and the answer is kept per method:
/// a per-type pass (symbol-start actions) made the analyzer driver build action sets for every member of every type.
/// </summary>
internal static class HandlerReach
{
    public const int MaxCallDepth = 3;

    /// <summary>
    /// Registers the rule: <paramref name="isCandidate"/> is a cheap symbol test run on every operation of
    /// <paramref name="kinds"/>; <paramref name="diagnose"/> runs on candidates that are on a handler path or in a method
    /// body and returns the diagnostic to report when the path is (or turns out to be) a handler's.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        WebSocketApis apis,
        MessageHandlerCaches caches,
        Func<IOperation, bool> isCandidate,
        Func<IOperation, HandlerPath, Diagnostic?> diagnose,
        params OperationKind[] kinds) =>
        context.RegisterOperationAction(LocatedFailures.Wrap(c => OnCandidate(apis, caches, c, isCandidate, diagnose)), kinds);

    private static void OnCandidate(
        WebSocketApis apis, MessageHandlerCaches caches, OperationAnalysisContext context, Func<IOperation, bool> isCandidate, Func<IOperation, HandlerPath, Diagnostic?> diagnose)
    {
        if (!isCandidate(context.Operation))
        {
            return;
        }

        var path = HandlerPath.Find(apis, context.Operation, context.ContainingSymbol);
        if (path.Kind == HandlerPathKind.None || diagnose(context.Operation, path) is not { } diagnostic)
        {
            return;
        }

        if (path.Kind == HandlerPathKind.Handler ||
            (path.Method is { } method && context.Operation.SemanticModel is { } model && HandlerReach.IsCalledFromHandler(apis, caches, method, model, context.CancellationToken)))
        {
            context.Report(diagnostic);
        }
    }

    /// <summary>True when a handler of the method's type calls it, directly or through same-type calls.</summary>
    private static bool IsCalledFromHandler(WebSocketApis apis, MessageHandlerCaches caches, IMethodSymbol method, SemanticModel model, System.Threading.CancellationToken cancellation)
    {
        var key = method.OriginalDefinition;
        if (caches.HandlerCallers.TryGetValue(key, out var known))
        {
            return known;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { key };
        var reached = HandlerReach.IsCalledFromHandler(apis, key, model, 1, visited, cancellation);
        caches.HandlerCallers.TryAdd(key, reached);
        return reached;
    }

    private static bool IsCalledFromHandler(
        WebSocketApis apis, IMethodSymbol method, SemanticModel model, int depth, HashSet<IMethodSymbol> visited, System.Threading.CancellationToken cancellation)
    {
        foreach (var call in CallsIn(method, model, cancellation))
        {
            var path = HandlerPath.Find(apis, call.Invocation, call.ContainingSymbol);
            if (path.Kind == HandlerPathKind.Handler)
            {
                return true;
            }

            if (path.Kind == HandlerPathKind.Method && depth < MaxCallDepth && path.Method is { } caller && visited.Add(caller.OriginalDefinition) &&
                HandlerReach.IsCalledFromHandler(apis, caller.OriginalDefinition, model, depth + 1, visited, cancellation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The calls of <paramref name="method"/> in the declarations of its type in <paramref name="model"/>'s file,
    /// with the member each is written in.</summary>
    private static IEnumerable<(IInvocationOperation Invocation, ISymbol ContainingSymbol)> CallsIn(
        IMethodSymbol method, SemanticModel model, System.Threading.CancellationToken cancellation)
    {
        if (method.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (var call in TypeInvocations.InFile(type, model, name => name == method.Name, cancellation))
        {
            if (SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method) &&
                model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellation) is { } containingSymbol)
            {
                yield return (call, containingSymbol);
            }
        }
    }
}
