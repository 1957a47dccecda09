using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "can another run of this async method start while this run is still sending": the method is started without
/// await (its task dropped) somewhere in its type's declarations in this file, and that call repeats (in a loop, or in a
/// timer, event or Task.Run callback) or is reached from the method itself (directly, or through a method of the type it
/// calls) before or around its send, as when a broadcast drops a dead connection through a method that broadcasts again.
/// Each run awaits its own sends, but the runs overlap on the same sockets. The answer is kept per method.
/// </summary>
internal static class UnawaitedRuns
{
    public static bool Overlap(ThreadingApis threading, SendingCaches caches, IInvocationOperation send, OperationAnalysisContext context)
    {
        if (context.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAsync: true } method ||
            !threading.IsTaskLike(method.ReturnType) || send.EnclosingFunction() is not { Parent: null } body ||
            context.Operation.SemanticModel is not { } model)
        {
            return false;
        }

        var key = method.OriginalDefinition;
        if (!caches.UnawaitedStarts.TryGetValue(key, out var starts))
        {
            starts = DroppedStarts(threading, key, model, context.CancellationToken);
            caches.UnawaitedStarts.TryAdd(key, starts);
        }

        foreach (var start in starts)
        {
            // A start that repeats overlaps the runs it starts; the method running or calling the start's method re-enters.
            if (start.Repeats || (start.Caller is { } caller && ReachesBeforeOrAround(body, send, method, caller)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the socket is a local of the send's method that this run accepted (ASP.NET Core, HttpListener) or
    /// created (<c>new ClientWebSocket()</c>) before the send: each run has its own socket, so runs started without
    /// await (one per accepted connection) do not overlap on it.
    /// </summary>
    public static bool OpenedByTheRun(WebSocketApis apis, IInvocationOperation send, IOperation? socket, ISymbol symbol)
    {
        if (symbol is not ILocalSymbol local || socket is null || send.EnclosingFunction() is not { Parent: null } body)
        {
            return false;
        }

        if (socket.WithoutConversions() is ILocalReferenceOperation reference &&
            LocalDeclarations.DeclaratorOf(reference)?.GetVariableInitializer()?.Value.WithoutConversions() is IObjectCreationOperation &&
            !IsAssignedAfterDeclaration(body, local))
        {
            return true;
        }

        foreach (var descendant in body.DescendantsOutsideFunctions())
        {
            if (descendant.Kind == OperationKind.Invocation && descendant.Syntax.SpanStart < send.Syntax.SpanStart &&
                apis.TryClassify((IInvocationOperation)descendant, out var call) && call.Kind == WebSocketCallKind.Accept &&
                apis.ReceivesAcceptedSocket((IInvocationOperation)descendant, socket))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssignedAfterDeclaration(IOperation body, ILocalSymbol local)
    {
        foreach (var descendant in body.DescendantsOutsideFunctions())
        {
            if (descendant is ISimpleAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(assignment.Target.ReferencedSymbol(), local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The calls of <paramref name="method"/> in its type's declarations in this file whose task is dropped.</summary>
    private static List<DroppedStart> DroppedStarts(ThreadingApis threading, IMethodSymbol method, SemanticModel model, System.Threading.CancellationToken cancellation)
    {
        var starts = new List<DroppedStart>();
        if (method.ContainingType is not { } type)
        {
            return starts;
        }

        // A call written under await or return keeps its task (SendSerialisation.UseOf): it is not bound.
        foreach (var call in TypeInvocations.InFile(type, model, new[] { method.Name }, name => name == method.Name, MayDropTask, cancellation))
        {
            if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method) ||
                SendSerialisation.UseOf(call) != SendSerialisation.TaskUse.Discarded)
            {
                continue;
            }

            var repeats = ConcurrentCallbacks.FindEnclosingCallback(threading, call) is not null || InLoop(call);
            var caller = call.EnclosingFunction() is { Parent: null } ? model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellation) as IMethodSymbol : null;
            starts.Add(new DroppedStart(repeats, caller?.OriginalDefinition));
        }

        return starts;
    }

    /// <summary>
    /// False for a call whose task <see cref="SendSerialisation.UseOf"/> finds awaited from its syntax alone: written
    /// directly (in parentheses, or as the receiver of <c>.ConfigureAwait(...)</c>) under <c>await</c>, or as the value of a
    /// <c>return</c> statement. Whatever such a call binds to, its operation's parent is the await, the return, the
    /// ConfigureAwait call or something inside the await or return, never an expression statement or a discard.
    /// </summary>
    private static bool MayDropTask(InvocationExpressionSyntax call)
    {
        SyntaxNode current = call;
        while (current.Parent is ParenthesizedExpressionSyntax)
        {
            current = current.Parent;
        }

        if (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access && access.Expression == current &&
            access.Parent is InvocationExpressionSyntax configureAwait && configureAwait.Expression == access)
        {
            current = configureAwait;
            while (current.Parent is ParenthesizedExpressionSyntax)
            {
                current = current.Parent;
            }

            return current.Parent is not AwaitExpressionSyntax;
        }

        return current.Parent is not (AwaitExpressionSyntax or ReturnStatementSyntax);
    }

    /// <summary>The method (<paramref name="body"/>) is <paramref name="caller"/>, or calls it, in a loop around the send or
    /// before it.</summary>
    private static bool ReachesBeforeOrAround(IOperation body, IInvocationOperation send, IMethodSymbol method, IMethodSymbol caller)
    {
        if (SymbolEqualityComparer.Default.Equals(caller, method.OriginalDefinition))
        {
            return true;
        }

        foreach (var descendant in body.DescendantsOutsideFunctions())
        {
            if (descendant.Kind == OperationKind.Invocation && descendant != send &&
                SymbolEqualityComparer.Default.Equals(((IInvocationOperation)descendant).TargetMethod.OriginalDefinition, caller) &&
                (descendant.Syntax.SpanStart < send.Syntax.SpanStart || ShareLoop(descendant, send)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return false;
            }

            if (current.Kind == OperationKind.Loop)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ShareLoop(IOperation first, IOperation second)
    {
        for (var current = first.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return false;
            }

            if (current is ILoopOperation loop && second.IsWithin(loop))
            {
                return true;
            }
        }

        return false;
    }

    internal sealed class DroppedStart
    {
        public DroppedStart(bool repeats, IMethodSymbol? caller)
        {
            Repeats = repeats;
            Caller = caller;
        }

        /// <summary>The dropped call is in a loop or a concurrent callback.</summary>
        public bool Repeats { get; }

        /// <summary>The method the dropped call is written in (null in a lambda or local function).</summary>
        public IMethodSymbol? Caller { get; }
    }
}
