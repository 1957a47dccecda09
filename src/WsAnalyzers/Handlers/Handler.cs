using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Handlers;

/// <summary>A function recognised as a WebSocket callback.</summary>
internal readonly struct Handler
{
    public Handler(HandlerKind kind, SocketLibrary library, IOperation function, IOperation? source)
    {
        Kind = kind;
        Library = library;
        Function = function;
        Source = source;
    }

    public static Handler None => default;

    public HandlerKind Kind { get; }

    public SocketLibrary Library { get; }

    /// <summary>The lambda, local function or method body of the handler.</summary>
    public IOperation Function { get; }

    /// <summary>The socket or client whose event this is; null for overrides (the socket is <c>this</c>).</summary>
    public IOperation? Source { get; }

    public bool IsHandler => Kind != HandlerKind.None;
}
