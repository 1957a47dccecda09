using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>WS3001: a send that throws on a closed socket, with no state check and no exception handling around it.</summary>
internal static class SendWithoutStateCheckRule
{
    public const string StateMemberProperty = "StateMember";
    public const string StateTypeProperty = "StateType";

    internal static bool AppliesTo(WebSocketApis apis) =>
        apis.WebSocket is not null || apis.SharpWebSocket is not null || apis.SharpWebSocketBehavior is not null;

    /// <summary>Judges a send call.</summary>
    internal static void Analyze(OperationAnalysisContext context, WebSocketApis apis, WebSocketCall send)
    {
        var invocation = send.Invocation;
        if (!send.ThrowsWhenClosed || IsSafe(apis, send, context.ContainingSymbol, context.CancellationToken))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(StateMemberProperty, send.Library == SocketLibrary.SystemNet ? "State" : "ReadyState")
            .Add(StateTypeProperty, send.Library == SocketLibrary.SystemNet ? "System.Net.WebSockets.WebSocketState" : "WebSocketSharp.WebSocketState");
        context.Report(Diagnostic.Create(
            Descriptors.WS3001SendWithoutStateCheck, invocation.Syntax.GetLocation(), properties, invocation.TargetMethod.Name));
    }

    /// <summary>True when <paramref name="parameter"/> belongs to the method or local function the send is in, or to a
    /// function a local function around the send is declared in (a local function is part of it); not to a lambda.</summary>
    private static bool IsOwnParameter(IParameterSymbol parameter, IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation:
                    return false;
                case ILocalFunctionOperation local when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, local.Symbol):
                    return true;
            }
        }

        return SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, containingSymbol);
    }

    private static bool IsSafe(WebSocketApis apis, WebSocketCall send, ISymbol containingSymbol, System.Threading.CancellationToken cancellation)
    {
        var invocation = send.Invocation;
        var socket = send.Socket;

        // A socket handed to a method or local function: the guard is the caller's to make (send helpers, extension
        // methods). A lambda's parameter is not: ForEach(s => s.SendAsync(...)) is a broadcast. Nor is a helper that
        // keeps sending in a long-lived loop (a heartbeat): the socket can close at any iteration.
        if (socket is IParameterReferenceOperation parameter && IsOwnParameter(parameter.Parameter, invocation, containingSymbol) &&
            LongLivedLoops.Enclosing(apis.Threading, invocation) is null)
        {
            return true;
        }

        var thrown = apis.ClosedSendException(send);
        if (ExceptionHandling.IsHandled(apis, invocation, thrown) || StateChecks.IsGuardedByStateCheck(apis, invocation, socket) ||
            SocketHistory.FollowsReceiveConnectOrAccept(apis, invocation, socket))
        {
            return true;
        }

        // A reply to the sender from its own message handler, or a greeting from its open handler (a System.Web accept
        // callback is one: the socket it is handed has just been accepted; a WebSocketBehavior's own socket is `this`, or
        // its Context.WebSocket). Not in a long-lived loop of the handler (a clock that ticks forever after the accept):
        // the socket can close at any iteration, as for SocketHistory.
        var handler = HandlerRecognition.FindEnclosing(apis, invocation, containingSymbol);
        if (handler.Kind is HandlerKind.Message or HandlerKind.Open && (handler.IsOwnSocket(socket) || (socket is not null && IsBehaviorContextSocket(apis, socket))) &&
            LongLivedLoops.Enclosing(apis.Threading, invocation) is null)
        {
            return true;
        }

        // A private helper whose every caller checks the state first (the costliest question, asked last).
        return socket is not null && GuardedCallers.AllCallsGuarded(apis, invocation, socket, containingSymbol, thrown, cancellation);
    }

    /// <summary><c>Context.WebSocket</c> of a websocket-sharp WebSocketBehavior: the behavior's own connection.</summary>
    private static bool IsBehaviorContextSocket(WebSocketApis apis, IOperation socket) =>
        socket.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "WebSocket", Instance: IPropertyReferenceOperation context } &&
        context.Property.Name == "Context" && context.Instance is null or IInstanceReferenceOperation &&
        context.Property.ContainingType.IsType(apis.SharpWebSocketBehavior);
}
