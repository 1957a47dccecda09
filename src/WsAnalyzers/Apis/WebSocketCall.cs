using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Apis;

/// <summary>An invocation recognised as a WebSocket operation.</summary>
internal readonly struct WebSocketCall
{
    public WebSocketCall(IInvocationOperation invocation, WebSocketCallKind kind, SocketLibrary library, IOperation? socket)
    {
        Invocation = invocation;
        Kind = kind;
        Library = library;
        Socket = socket;
    }

    public IInvocationOperation Invocation { get; }

    public WebSocketCallKind Kind { get; }

    public SocketLibrary Library { get; }

    /// <summary>The socket (or client, or connection) the call is made on; null when it is implicit.</summary>
    public IOperation? Socket { get; }

    /// <summary>True when a send on a closed socket throws (System.Net.WebSockets, websocket-sharp); Fleck, Websocket.Client
    /// and SignalR's hub proxies tolerate closed peers.</summary>
    public bool ThrowsWhenClosed =>
        Library is SocketLibrary.SystemNet or SocketLibrary.WebSocketSharp or SocketLibrary.WebSocketSharpBehavior;
}
