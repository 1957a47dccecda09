using System;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>
/// Whether a name in a proxy configuration says it serves WebSockets: a location path, an upstream, backend or cluster
/// name, a route. Configuration has no types, so names and WebSocket-only directives are the evidence there is; rules
/// report at a lower severity, or not at all, without it.
/// </summary>
internal static class WebSocketHints
{
    private static readonly string[] Words = ["ws", "wss", "websocket", "websockets", "socket", "sockets", "signalr", "hub", "hubs", "realtime", "socketio"];

    private static readonly string[] Fragments = ["websocket", "signalr", "socket.io"];

    public static bool Matches(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        if (Fragments.Any(f => lower.Contains(f, StringComparison.Ordinal)))
        {
            return true;
        }

        // Words of a path or identifier: "/hubs/chat", "ws_backend", "chatHub" (camel case splits too).
        var separated = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? " " + c : c.ToString()));
        return separated.ToLowerInvariant()
            .Split(c => !char.IsLetterOrDigit(c))
            .Any(word => Words.Contains(word, StringComparer.Ordinal));
    }

    private static string[] Split(this string text, Func<char, bool> separator)
    {
        var chars = text.Select(c => separator(c) ? ' ' : c).ToArray();
        return new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
