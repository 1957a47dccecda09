using Microsoft.CodeAnalysis;

namespace WsAnalyzers.ResourceBounds;

/// <summary>A place after a registration that can take the connection out of its collection: a removal, or a call of a
/// method of the compilation that reaches one (see <see cref="RegistrationPaths"/>).</summary>
internal sealed class RemovalSite
{
    public RemovalSite(IOperation operation, bool isCall, bool covers, bool receives)
    {
        Operation = operation;
        IsCall = isCall;
        Covers = covers;
        Receives = receives;
    }

    /// <summary>The removal, or the call that reaches one.</summary>
    public IOperation Operation { get; }

    public bool IsCall { get; }

    /// <summary>Runs however the connection ends: in a finally, after a catch-all, or (a call) a removal that does in the callee.</summary>
    public bool Covers { get; }

    /// <summary>A call whose callee receives from a WebSocket: it runs the connection's lifetime, it is not a removal to move.</summary>
    public bool Receives { get; }
}
