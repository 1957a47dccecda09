using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>What WS5002 and WS5003 need to know about the function a receive or an append is in: its System.Net
/// receives, the values of its locals, and whether it ever reads a result's EndOfMessage. Built on demand, only for
/// functions that passed the rule's cheap tests.</summary>
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

    public static ReceiveFunction Scan(WebSocketApis apis, IOperation body)
    {
        var locals = LocalValues.Of(body);
        var receives = ImmutableArray.CreateBuilder<ReceiveSite>();
        foreach (var operation in body.DescendantsOutsideFunctions())
        {
            if (operation.Kind == OperationKind.Invocation && operation is IInvocationOperation { TargetMethod.Name: "ReceiveAsync" } invocation &&
                apis.IsReceive(invocation, out var call) && ReceiveSite.Create(call, locals) is { } site)
            {
                receives.Add(site);
            }
        }

        receives.Sort((a, b) => a.Position.CompareTo(b.Position));
        return new ReceiveFunction(body, locals, receives.ToImmutable(), ReadsEndOfMessageIn(apis, body));
    }

    /// <summary>True when <paramref name="scope"/> (lambdas included) reads EndOfMessage of a WebSocketReceiveResult or
    /// ValueWebSocketReceiveResult.</summary>
    public static bool ReadsEndOfMessageIn(WebSocketApis apis, IOperation scope)
    {
        foreach (var operation in scope.DescendantsAndSelfIncludingFunctions())
        {
            if (operation.Kind == OperationKind.PropertyReference &&
                operation is IPropertyReferenceOperation { Property.Name: "EndOfMessage" } property &&
                apis.Messages.IsReceiveResult(property.Property.ContainingType))
            {
                return true;
            }
        }

        return false;
    }
}
