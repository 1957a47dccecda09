namespace WsAnalyzers.Configuration;

/// <summary>
/// The parts of <see cref="ProjectFacts"/> a rule asks for, each gathered on its own the first time it is needed: a
/// compilation whose accepts only need the Origin facts never reads its files for keep-alive options.
/// </summary>
internal enum ProjectFactGroup
{
    /// <summary>How the middleware's WebSocketOptions are configured (KeepAliveTimeout, AddWebSockets, Configure).</summary>
    ServerOptions,

    /// <summary>Whether the Origin is checked (AllowedOrigins, the Origin header).</summary>
    Origins,

    /// <summary>Whether a fallback authorization policy is set: asked only when nothing nearer requires authorization.</summary>
    FallbackPolicy,

    /// <summary>The authentication schemes the browser sends credentials for by itself: asked only when the endpoint
    /// requires authorization.</summary>
    AmbientSchemes,
}
