using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Handlers;

/// <summary>A function recognised as a WebSocket callback.</summary>
internal readonly struct Handler
{
    public Handler(HandlerKind kind, SocketLibrary library, IOperation function, IOperation? source, IParameterSymbol? connectionParameter = null)
    {
        Kind = kind;
        Library = library;
        Function = function;
        Source = source;
        ConnectionParameter = connectionParameter;
    }

    public static Handler None => default;

    public HandlerKind Kind { get; }

    public SocketLibrary Library { get; }

    /// <summary>The lambda, local function or method body of the handler.</summary>
    public IOperation Function { get; }

    /// <summary>The socket or client whose event this is; null for overrides (the socket is <c>this</c>) and for handlers
    /// that are handed their connection (<see cref="ConnectionParameter"/>).</summary>
    public IOperation? Source { get; }

    /// <summary>The parameter that carries the handler's own connection, whose <c>WebSocket</c> is its socket: the
    /// <c>IWebSocketContext</c> of an EmbedIO module's handlers, the <c>AspNetWebSocketContext</c> of a System.Web accept
    /// callback; null otherwise.</summary>
    public IParameterSymbol? ConnectionParameter { get; }

    public bool IsHandler => Kind != HandlerKind.None;

    /// <summary>True when <paramref name="socket"/> (the socket a call is made on; null when implicit) is this handler's
    /// own connection: its <see cref="Source"/>, <c>this</c> in an override, or the socket of its
    /// <see cref="ConnectionParameter"/> (the context itself, as EmbedIO's module sends take it, <c>context.WebSocket</c>, or a
    /// local initialised from it).</summary>
    public bool IsOwnSocket(IOperation? socket)
    {
        if (Source is not null)
        {
            return SocketIdentity.AreSame(Source, socket);
        }

        if (ConnectionParameter is not null)
        {
            return SymbolEqualityComparer.Default.Equals(socket.ReferencedSymbol(), ConnectionParameter) ||
                   ContextSockets.IsSocketOf(socket, ConnectionParameter);
        }

        return socket is null or IInstanceReferenceOperation;
    }
}
