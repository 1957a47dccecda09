using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Reconnect;

/// <summary>A call that reconnects: the call site, the library call it reaches and the waits on the way to it.</summary>
internal readonly struct ReconnectReach
{
    public ReconnectReach(IInvocationOperation site, WebSocketCall connect, ImmutableArray<Delay> delays)
    {
        Site = site;
        Connect = connect;
        Delays = delays;
    }

    /// <summary>The call in the analyzed function: the library call itself or the same-type method that makes it.</summary>
    public IInvocationOperation Site { get; }

    public WebSocketCall Connect { get; }

    /// <summary>Waits inside the followed methods before they connect.</summary>
    public ImmutableArray<Delay> Delays { get; }

    public bool IsDirect => Site == Connect.Invocation;
}
