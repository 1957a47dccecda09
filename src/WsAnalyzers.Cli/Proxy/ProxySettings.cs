using System;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>What the checks know about the application behind the proxy.</summary>
/// <param name="KeepAlive">How often the application (or its clients) sends something on an idle WebSocket.</param>
/// <param name="KeepAliveSource">Where that interval comes from, for the messages.</param>
internal sealed record ProxySettings(TimeSpan KeepAlive, string KeepAliveSource)
{
    /// <summary>ASP.NET Core's WebSocketOptions.KeepAliveInterval when nothing says otherwise.</summary>
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromMinutes(2);

    public static ProxySettings Default { get; } =
        new(DefaultKeepAlive, "ASP.NET Core's default WebSocketOptions.KeepAliveInterval, assumed; set it with --keep-alive");

    /// <summary>
    /// The shortest idle timeout a proxy may have: twice the keep-alive interval, the margin SignalR uses between its
    /// KeepAliveInterval and its timeouts, so that one late ping does not cost the connection.
    /// </summary>
    public TimeSpan MinimumIdleTimeout => KeepAlive * 2;

    public string KeepAliveText => $"{Durations.Describe(KeepAlive)} ({KeepAliveSource})";
}
