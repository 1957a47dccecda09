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
    private ReceiveFunction(IOperation body, LocalValues locals, ImmutableArray<ReceiveSite> receives, bool readsEndOfMessage)
    {
        Body = body;
        Locals = locals;
        Receives = receives;
        ReadsEndOfMessage = readsEndOfMessage;
    }

    /// <summary>The method body, lambda or local function.</summary>
    public IOperation Body { get; }

    public LocalValues Locals { get; }

    /// <summary>The receives written in the function itself (not in lambdas it contains), in source order.</summary>
    public ImmutableArray<ReceiveSite> Receives { get; }

    /// <summary>The function (lambdas included) reads EndOfMessage of a receive result.</summary>
    public bool ReadsEndOfMessage { get; }

    /// <summary>One walk of <paramref name="body"/>, lambdas and local functions included: the values of its locals, the
    /// reads of EndOfMessage, and the receives outside nested functions.</summary>
    public static ReceiveFunction Scan(WebSocketApis apis, IOperation body)
    {
        var locals = new LocalValues();
        List<IInvocationOperation>? calls = null;
        var readsEndOfMessage = false;
        foreach (var operation in body.DescendantsAndSelfIncludingFunctions())
        {
            switch (operation.Kind)
            {
                case OperationKind.VariableDeclarator:
                case OperationKind.SimpleAssignment:
                    locals.Add(operation);
                    break;
                case OperationKind.Invocation:
                    if (operation is IInvocationOperation { TargetMethod.Name: "ReceiveAsync" } invocation && IsOutsideFunctions(invocation, body))
                    {
                        (calls ??= new List<IInvocationOperation>()).Add(invocation);
                    }

                    break;
                case OperationKind.PropertyReference:
                    if (!readsEndOfMessage && IsEndOfMessage(apis, (IPropertyReferenceOperation)operation))
                    {
                        readsEndOfMessage = true;
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

        return new ReceiveFunction(body, locals, receives, readsEndOfMessage);
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

    /// <summary>The call is written in <paramref name="body"/> itself, not in a lambda or local function inside it.</summary>
    private static bool IsOutsideFunctions(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return false;
            }
        }

        return true;
    }
}
