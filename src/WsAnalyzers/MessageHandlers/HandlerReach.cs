using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Runs a message-handler rule. A finding directly on a connection's processing path is reported at once; a finding in
/// an ordinary method or local function is reported when such a path calls that method synchronously, directly or
/// through a few calls (the rule's <c>maxCallDepth</c>, at most <see cref="MaxCallDepth"/>) of same-type methods or local
/// functions declared in the same file (cycles are followed once), or when the method itself is attached as a message or
/// open handler by a method group (<c>ws.OnMessage += OnMessage</c>). Calls from a lambda that is not a handler
/// (Task.Run, a queue consumer) do not carry the path. The callers of a method are looked up only when a finding waits
/// for them, and kept per method: a per-type pass (symbol-start actions) made the analyzer driver build action sets for
/// every member of every type.
/// </summary>
internal static class HandlerReach
{
    /// <summary>The farthest a finding is followed back to a handler, in calls. Real handlers dispatch through a few layers
    /// of their own type (OnMessage → SetReadyState → ControlReadyState → StartGame → GiveCards); past five the chance
    /// that the path is one a message takes gets thin, and the search grows with the type.</summary>
    public const int MaxCallDepth = 5;

    /// <summary>
    /// Registers the rule: <paramref name="isCandidate"/> is a cheap symbol test run on every operation of
    /// <paramref name="kinds"/>; <paramref name="diagnose"/> runs on candidates that are on a handler path or in a method
    /// body and returns the diagnostic to report when the path is (or turns out to be) a handler's, at most
    /// <paramref name="maxCallDepth"/> calls away.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext context,
        WebSocketApis apis,
        MessageHandlerCaches caches,
        int maxCallDepth,
        Func<IOperation, bool> isCandidate,
        Func<IOperation, HandlerPath, Diagnostic?> diagnose,
        params OperationKind[] kinds) =>
        context.RegisterOperationAction(LocatedFailures.Wrap(c => OnCandidate(apis, caches, maxCallDepth, c, isCandidate, diagnose)), kinds);

    private static void OnCandidate(
        WebSocketApis apis,
        MessageHandlerCaches caches,
        int maxCallDepth,
        OperationAnalysisContext context,
        Func<IOperation, bool> isCandidate,
        Func<IOperation, HandlerPath, Diagnostic?> diagnose)
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
            (path.Method is { } method && context.Operation.SemanticModel is { } model &&
             DistanceFromHandler(apis, caches, method, model, context.CancellationToken) <= maxCallDepth))
        {
            context.Report(diagnostic);
        }
    }

    /// <summary>How many calls away from a handler path the method is (1: a handler calls it, or it is attached as one by
    /// a method group), searched breadth first up to <see cref="MaxCallDepth"/>; <see cref="int.MaxValue"/> beyond.</summary>
    private static int DistanceFromHandler(WebSocketApis apis, MessageHandlerCaches caches, IMethodSymbol method, SemanticModel model, CancellationToken cancellation)
    {
        var key = method.OriginalDefinition;
        if (caches.HandlerDistances.TryGetValue(key, out var known))
        {
            return known;
        }

        var distance = int.MaxValue;
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { key };
        var level = new List<IMethodSymbol> { key };
        for (var depth = 1; depth <= MaxCallDepth && level.Count > 0 && distance == int.MaxValue; depth++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var callee in level)
            {
                foreach (var caller in Callers(apis, caches, callee, model, cancellation))
                {
                    if (caller.IsHandler)
                    {
                        distance = depth;
                        break;
                    }

                    if (caller.Method is { } outer && visited.Add(outer))
                    {
                        next.Add(outer);
                    }
                }

                if (distance != int.MaxValue)
                {
                    break;
                }
            }

            level = next;
        }

        caches.HandlerDistances.TryAdd(key, distance);
        return distance;
    }

    /// <summary>Who calls <paramref name="method"/> (or attaches it as a callback) in its type's declarations in
    /// <paramref name="model"/>'s file: a handler path, or an ordinary method or local function.</summary>
    private static ImmutableArray<HandlerCaller> Callers(WebSocketApis apis, MessageHandlerCaches caches, IMethodSymbol method, SemanticModel model, CancellationToken cancellation)
    {
        if (caches.Callers.TryGetValue(method, out var known))
        {
            return known;
        }

        var callers = ImmutableArray.CreateBuilder<HandlerCaller>();
        foreach (var use in Uses(method, model, cancellation))
        {
            switch (use)
            {
                case IInvocationOperation call when model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellation) is { } containingSymbol:
                    var path = HandlerPath.Find(apis, call, containingSymbol);
                    if (path.Kind == HandlerPathKind.Handler)
                    {
                        callers.Add(new HandlerCaller(true, null));
                    }
                    else if (path.Kind == HandlerPathKind.Method && path.Method is { } caller)
                    {
                        callers.Add(new HandlerCaller(false, caller.OriginalDefinition));
                    }

                    break;
                case IMethodReferenceOperation reference
                    when HandlerRecognition.ForMethodReference(apis, reference, reference).Kind is HandlerKind.Message or HandlerKind.Open:
                    callers.Add(new HandlerCaller(true, null));
                    break;
            }
        }

        var result = callers.ToImmutable();
        caches.Callers.TryAdd(method, result);
        return result;
    }

    /// <summary>The calls of <paramref name="method"/> and the method groups that name it, written in the declarations of its
    /// type in <paramref name="model"/>'s file (not in nested types). Names are tested on the syntax before anything is bound,
    /// and found where the declaration's text spells the method's name (<see cref="TypeInvocations.NameNodes"/>) rather
    /// than by walking all of it: a large type was walked once per method a finding was followed through.</summary>
    private static IEnumerable<IOperation> Uses(IMethodSymbol method, SemanticModel model, CancellationToken cancellation)
    {
        if (method.ContainingType is not { } type)
        {
            yield break;
        }

        var name = method.Name;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declaration = reference.GetSyntax(cancellation);
            foreach (var node in TypeInvocations.NameNodes(declaration, name) ??
                                 declaration.DescendantNodes(child => child == declaration || child is not BaseTypeDeclarationSyntax))
            {
                IOperation? operation = null;
                if (node is InvocationExpressionSyntax invocation)
                {
                    if (SyntaxNames.Invoked(invocation.Expression) == name)
                    {
                        operation = model.GetOperation(invocation, cancellation);
                    }
                }
                else if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && !IsInvoked(identifier))
                {
                    operation = model.GetOperation(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier, cancellation);
                }

                switch (operation)
                {
                    case IInvocationOperation call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method):
                    case IMethodReferenceOperation group when SymbolEqualityComparer.Default.Equals(group.Method.OriginalDefinition, method):
                        yield return operation;
                        break;
                }
            }
        }
    }

    /// <summary>The name is what an invocation calls (<c>M()</c>, <c>x.M()</c>): the invocation is found on its own.</summary>
    private static bool IsInvoked(IdentifierNameSyntax identifier)
    {
        SyntaxNode expression = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
        return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression;
    }
}
