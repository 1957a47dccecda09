namespace WsReliability.Protocol;

/// <summary>
/// The names and messages both halves of the runtime agree on (docs/runtime.md, "The contract between the halves").
/// Compiled into both assemblies.
/// </summary>
internal static class WireNames
{
    /// <summary>
    /// Request header with the client's session id, the same on every connection of one client: the hub replays
    /// history to a returning session from where its last connection stopped instead of from the start.
    /// </summary>
    public const string SessionHeader = "WsReliability-Session";

    /// <summary>The client's application-level heartbeat (a text message) in <c>KeepAliveMode.Application</c>.</summary>
    public const string Heartbeat = "ping";

    /// <summary>The hub's answer to <see cref="Heartbeat"/>; the client does not hand it to the application.</summary>
    public const string HeartbeatReply = "pong";
}
