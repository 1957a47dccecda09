using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>What WS5002 and WS5003 need to know about the function a receive or an append is in: its System.Net
/// receives, the values of its locals, and whether it ever reads a result's EndOfMessage. Built on demand, only for
/// functions that passed the rule's cheap tests, by one walk of the function, and kept for the compilation in
/// <see cref="ReceiveLoopCaches"/>: every receive and append of the function asks the same.</summary>
internal sealed class ReceiveFunction
{
    // The walk's stack as two arrays, not a Stack of (operation, in function) pairs: the generic stack of a pair that holds
    // a reference runs shared generic code, which looked its type up at every push and pop.
    [System.ThreadStatic]
    private static IOperation[]? t_operations;

    [System.ThreadStatic]
    private static bool[]? t_inFunction;

    private ReceiveFunction(
        IOperation body,
        LocalValues locals,
        ImmutableArray<ReceiveSite> receives,
        bool readsEndOfMessage,
        List<IOperation> references,
        List<IOperation> outside,
        List<IOperation>? conditionals)
    {
        Body = body;
        Locals = locals;
        Receives = receives;
        ReadsEndOfMessage = readsEndOfMessage;
        References = references;
        Outside = outside;
        Conditionals = conditionals;
    }

    /// <summary>The method body, lambda or local function.</summary>
    public IOperation Body { get; }

    public LocalValues Locals { get; }

    /// <summary>The receives written in the function itself (not in lambdas it contains), in source order.</summary>
    public ImmutableArray<ReceiveSite> Receives { get; }

    /// <summary>The function (lambdas included) reads EndOfMessage of a receive result.</summary>
    public bool ReadsEndOfMessage { get; }

    /// <summary>The reads of locals, parameters, fields and properties of the function, lambdas included, in the order
    /// of <see cref="OperationTraversal.DescendantsAndSelfIncludingFunctions"/>: what a walk of the function that looks
    /// only at such reads sees, without walking the operation tree again.</summary>
    public List<IOperation> References { get; }

    /// <summary>The binary operations, <c>is</c> patterns, compound assignments, invocations, branches and labels written
    /// in the function itself (not in its lambdas or local functions), in walk order: what the walks of WS5002 that look
    /// only at these kinds see.</summary>
    public List<IOperation> Outside { get; }

    /// <summary>The conditionals (<c>if</c>, <c>?:</c>) written in the function itself, in walk order; null when there is
    /// none: what WS5001 asks about the loops around a receive without walking each loop again.</summary>
    public List<IOperation>? Conditionals { get; }

    /// <summary>WS5002's fragments of each receive, computed by the first append of the function that asks and shared by
    /// the others (a race computes equal lists twice; they are never changed once set).</summary>
    public List<List<ISymbol>>? Fragments { get; set; }

    /// <summary>All the symbols of <see cref="Fragments"/> in one list, likewise shared.</summary>
    public List<ISymbol>? Received { get; set; }

    /// <summary>One walk of <paramref name="body"/>, lambdas and local functions included: the values of its locals, the
    /// reads of EndOfMessage, the receives outside nested functions, and the operations the rules' later questions look
    /// at (<see cref="References"/>, <see cref="Outside"/>). The walk visits the operations in the order of
    /// <see cref="OperationTraversal.DescendantsAndSelfIncludingFunctions"/>. With <paramref name="candidates"/>, the
    /// same walk also gathers what the rules start from, in that order and lambdas included: the invocations named
    /// ReceiveAsync or like an append (<see cref="Accumulators.MayBeAppend"/>) and the compound assignments.</summary>
    public static ReceiveFunction Scan(WebSocketApis apis, IOperation body, List<IOperation>? candidates = null)
    {
        var locals = new LocalValues();
        List<IInvocationOperation>? calls = null;
        var readsEndOfMessage = false;
        var references = new List<IOperation>();
        var outside = new List<IOperation>();
        List<IOperation>? conditionals = null;
        var operations = t_operations ??= new IOperation[64];
        var inFunctions = t_inFunction ??= new bool[64];
        operations[0] = body;
        inFunctions[0] = false;
        var count = 1;
        while (count > 0)
        {
            count--;
            var operation = operations[count];
            var inFunction = inFunctions[count];
            operations[count] = null!;
            foreach (var child in operation.ChildOperations)
            {
                if (count == operations.Length)
                {
                    System.Array.Resize(ref operations, count * 2);
                    System.Array.Resize(ref inFunctions, count * 2);
                    t_operations = operations;
                    t_inFunction = inFunctions;
                }

                operations[count] = child;
                inFunctions[count] = inFunction || child.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction;
                count++;
            }

            switch (operation.Kind)
            {
                case OperationKind.VariableDeclarator:
                case OperationKind.SimpleAssignment:
                    locals.Add(operation);
                    break;
                case OperationKind.Invocation:
                    if (!inFunction || candidates is not null)
                    {
                        var name = ((IInvocationOperation)operation).TargetMethod.Name;
                        if (!inFunction)
                        {
                            outside.Add(operation);
                            if (name == "ReceiveAsync")
                            {
                                (calls ??= new List<IInvocationOperation>()).Add((IInvocationOperation)operation);
                            }
                        }

                        if (candidates is not null && (name == "ReceiveAsync" || Accumulators.MayBeAppend(name)))
                        {
                            candidates.Add(operation);
                        }
                    }

                    break;
                case OperationKind.PropertyReference:
                    references.Add(operation);
                    if (!readsEndOfMessage && IsEndOfMessage(apis, (IPropertyReferenceOperation)operation))
                    {
                        readsEndOfMessage = true;
                    }

                    break;
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.FieldReference:
                    references.Add(operation);
                    break;
                case OperationKind.CompoundAssignment:
                    candidates?.Add(operation);
                    if (!inFunction)
                    {
                        outside.Add(operation);
                    }

                    break;
                case OperationKind.Conditional:
                    if (!inFunction)
                    {
                        (conditionals ??= new List<IOperation>()).Add(operation);
                    }

                    break;
                case OperationKind.Binary:
                case OperationKind.IsPattern:
                case OperationKind.Branch:
                case OperationKind.Labeled:
                    if (!inFunction)
                    {
                        outside.Add(operation);
                    }

                    break;
            }
        }

        var receives = ImmutableArray<ReceiveSite>.Empty;
        if (calls is not null)
        {
            var builder = ImmutableArray.CreateBuilder<ReceiveSite>(calls.Count);
            foreach (var invocation in calls)
            {
                if (apis.IsReceive(invocation, out var call) && ReceiveSite.Create(call, locals) is { } site)
                {
                    builder.Add(site);
                }
            }

            builder.Sort((a, b) => a.Position.CompareTo(b.Position));
            receives = builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
        }

        return new ReceiveFunction(body, locals, receives, readsEndOfMessage, references, outside, conditionals);
    }

    /// <summary>True when <paramref name="scope"/> (lambdas included) reads EndOfMessage of a WebSocketReceiveResult or
    /// ValueWebSocketReceiveResult.</summary>
    public static bool ReadsEndOfMessageIn(WebSocketApis apis, IOperation scope)
    {
        foreach (var operation in scope.DescendantsAndSelfIncludingFunctions())
        {
            if (operation.Kind == OperationKind.PropertyReference && IsEndOfMessage(apis, (IPropertyReferenceOperation)operation))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEndOfMessage(WebSocketApis apis, IPropertyReferenceOperation property) =>
        property.Property.Name == "EndOfMessage" && apis.Messages.IsReceiveResult(property.Property.ContainingType);
}
