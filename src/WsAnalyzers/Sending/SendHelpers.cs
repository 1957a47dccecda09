using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "does this helper throw to its caller when the connection it is handed is gone": a method or local function
/// declared in the same file whose send on that connection (the parameter, or a local computed from it:
/// <c>var socket = _sockets[id]</c>) is awaited, waited for or returned and not handled inside it, directly or through
/// further helpers of the same file (<see cref="MaxDepth"/> calls deep). The answer is kept per method and parameter set
/// in <see cref="SendingCaches.HelperFailures"/>; only calls that a broadcast loop makes with its iteration's connection
/// are asked about.
/// </summary>
internal static class SendHelpers
{
    public const int MaxDepth = 3;

    /// <summary>What <paramref name="call"/> throws when the connection passed in the arguments that reference
    /// <paramref name="connection"/> is gone, or null when it does not throw (or is not a helper this follows).</summary>
    public static INamedTypeSymbol? Failure(WebSocketApis apis, SendingCaches caches, IInvocationOperation call, HashSet<ISymbol> connection) =>
        Failure(apis, caches, call, connection, depth: 1, visited: null);

    /// <summary>A call the caller can catch a helper's failure from: the task of a task-returning method awaited, waited
    /// for or returned (by a caller that is not async), or a call of a method that returns no task.</summary>
    public static bool ThrowsToCaller(ThreadingApis threading, IInvocationOperation call, bool callerIsAsync)
    {
        if (!threading.IsTaskLike(call.TargetMethod.ReturnType))
        {
            return !call.TargetMethod.ReturnsVoid || !call.TargetMethod.IsAsync;
        }

        IOperation current = call;
        while (current.Parent is IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" } wrapper && wrapper.Instance == current)
        {
            current = current.Parent;
        }

        return current.Parent is IAwaitOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "Wait" or "GetAwaiter" } blocking && blocking.Instance == current ||
               current.Parent is IReturnOperation && !callerIsAsync;
    }

    /// <summary>The ordinals of the parameters whose arguments reference <paramref name="symbols"/>, as a bit set (0: none).</summary>
    public static int Ordinals(IInvocationOperation call, HashSet<ISymbol> symbols)
    {
        var ordinals = 0;
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { Ordinal: < 31 } parameter && parameter.RefKind == RefKind.None &&
                Broadcasts.ReferencesAny(argument.Value, symbols))
            {
                ordinals |= 1 << parameter.Ordinal;
            }
        }

        return ordinals;
    }

    private static INamedTypeSymbol? Failure(
        WebSocketApis apis, SendingCaches caches, IInvocationOperation call, HashSet<ISymbol> connection, int depth, HashSet<IMethodSymbol>? visited)
    {
        var method = call.TargetMethod.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.DeclaringSyntaxReferences.IsEmpty ||
            call.SemanticModel is not { } model || Ordinals(call, connection) is var ordinals && ordinals == 0)
        {
            return null;
        }

        var byParameters = caches.HelperFailures.GetOrAdd(method, static _ => new ConcurrentDictionary<int, INamedTypeSymbol?>());
        if (byParameters.TryGetValue(ordinals, out var known))
        {
            return known;
        }

        visited ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!visited.Add(method))
        {
            return null;
        }

        var failure = Body(method, model) is { } body ? FailureOf(apis, caches, method, body, ordinals, depth, visited) : null;
        byParameters.TryAdd(ordinals, failure);
        return failure;
    }

    private static INamedTypeSymbol? FailureOf(
        WebSocketApis apis, SendingCaches caches, IMethodSymbol method, IOperation body, int ordinals, int depth, HashSet<IMethodSymbol> visited)
    {
        var connection = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var parameter in method.Parameters)
        {
            if ((ordinals & (1 << parameter.Ordinal)) != 0)
            {
                connection.Add(parameter);
            }
        }

        Broadcasts.AddDerived(body, connection);
        foreach (var descendant in body.DescendantsOutsideFunctions())
        {
            if (descendant.Kind != OperationKind.Invocation)
            {
                continue;
            }

            var invocation = (IInvocationOperation)descendant;
            INamedTypeSymbol? thrown = null;
            if (apis.IsSend(invocation, out var send))
            {
                if (send.ThrowsWhenClosed && Broadcasts.ReferencesAny(send.Socket, connection) &&
                    (send.Library != SocketLibrary.SystemNet || ThrowsToCaller(apis.Threading, invocation, method.IsAsync)))
                {
                    thrown = Broadcasts.ThrownBy(apis, send);
                }
            }
            else if (depth < MaxDepth && ThrowsToCaller(apis.Threading, invocation, method.IsAsync))
            {
                thrown = Failure(apis, caches, invocation, connection, depth + 1, visited);
            }

            if (thrown is not null && !ExceptionHandling.IsHandled(apis, invocation, thrown))
            {
                return thrown;
            }
        }

        return null;
    }

    /// <summary>The operation tree of a method or local function declared in <paramref name="model"/>'s file, or null.</summary>
    private static IOperation? Body(IMethodSymbol method, SemanticModel model)
    {
        if (method.ReturnsVoid && method.IsAsync)
        {
            // An async void helper does not throw to its caller.
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var syntax = reference.GetSyntax();
            if (syntax is MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null } or LocalFunctionStatementSyntax)
            {
                return model.GetOperation(syntax) switch
                {
                    ILocalFunctionOperation local => local.Body ?? (IOperation?)local.IgnoredBody,
                    { } operation => operation,
                    null => null,
                };
            }
        }

        return null;
    }
}
