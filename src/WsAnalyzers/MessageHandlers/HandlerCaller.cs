using Microsoft.CodeAnalysis;

namespace WsAnalyzers.MessageHandlers;

/// <summary>One use of a method that <see cref="HandlerReach"/> found: a call on a handler path, a method group attached
/// as a message or open handler, or a call from an ordinary method or local function.</summary>
internal readonly struct HandlerCaller
{
    public HandlerCaller(bool isHandler, IMethodSymbol? method)
    {
        IsHandler = isHandler;
        Method = method;
    }

    /// <summary>The use is on a handler path, or attaches the method as a message or open handler.</summary>
    public bool IsHandler { get; }

    /// <summary>The ordinary method or local function the call is written in, when it is not on a handler path.</summary>
    public IMethodSymbol? Method { get; }
}
