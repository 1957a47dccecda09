using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Sending;

/// <summary>A call in a broadcast loop that throws into the loop when the iteration's peer is gone: a send, or a call of a
/// helper of the same file that sends to the connection it is handed (<see cref="SendHelpers"/>), with what it throws.</summary>
internal readonly struct BroadcastSend
{
    public BroadcastSend(IInvocationOperation invocation, INamedTypeSymbol? thrown)
    {
        Invocation = invocation;
        Thrown = thrown;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The exception a closed connection makes it throw (WebSocketException, InvalidOperationException).</summary>
    public INamedTypeSymbol? Thrown { get; }
}
