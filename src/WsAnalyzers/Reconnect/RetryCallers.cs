using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Answers "does the type call this method again on a retry path": a call on the same object (<c>Connect()</c>,
/// <c>this.ConnectAsync()</c>), written in the method's type in the same file, that is in a retry loop, a catch block, a
/// close or error handler, a recursive retry or a callback such a path schedules, directly or through at most
/// <see cref="SourceCalls.MaxDepth"/> methods of the type that are themselves called so. Looked up on demand (only for a
/// connect of a socket the object cannot replace), the answer kept per method.
/// </summary>
internal static class RetryCallers
{
    public static bool IsCalledOnRetryPath(WebSocketApis apis, ReconnectCaches caches, IMethodSymbol method, SemanticModel model)
    {
        var key = method.OriginalDefinition;
        if (caches.CalledOnRetryPath.TryGetValue(key, out var known))
        {
            return known;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { key };
        var called = IsCalledOnRetryPath(apis, caches, key, model, 1, visited);
        caches.CalledOnRetryPath.TryAdd(key, called);
        return called;
    }

    private static bool IsCalledOnRetryPath(
        WebSocketApis apis, ReconnectCaches caches, IMethodSymbol method, SemanticModel model, int depth, HashSet<IMethodSymbol> visited)
    {
        if (method.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var call in TypeInvocations.InFile(type, model, new[] { method.Name }, name => name == method.Name, default))
        {
            if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method) ||
                call.Instance?.WithoutConversions() is not (null or IInstanceReferenceOperation) ||
                model.GetEnclosingSymbol(call.Syntax.SpanStart) is not { } caller)
            {
                continue;
            }

            if (RetryPath.FindThroughDeferrals(apis, caches, call, caller, out _, out _, foreachRetries: true).IsRetry)
            {
                return true;
            }

            if (depth < SourceCalls.MaxDepth && call.EnclosingFunction() is IMethodBodyOperation && caller is IMethodSymbol { MethodKind: MethodKind.Ordinary } outer &&
                visited.Add(outer.OriginalDefinition) && IsCalledOnRetryPath(apis, caches, outer.OriginalDefinition, model, depth + 1, visited))
            {
                return true;
            }
        }

        return false;
    }
}
