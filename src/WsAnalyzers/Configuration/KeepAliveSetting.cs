namespace WsAnalyzers.Configuration;

/// <summary>Whether an options object (WebSocketOptions, WebSocketAcceptContext) gets a keep-alive timeout.</summary>
internal enum KeepAliveSetting
{
    /// <summary>It is made here and nothing sets the timeout.</summary>
    Missing,

    /// <summary>The timeout is set.</summary>
    Set,

    /// <summary>It comes from somewhere the rule cannot see (a parameter, a method, configuration), or is handed to one.</summary>
    Unknown,
}
