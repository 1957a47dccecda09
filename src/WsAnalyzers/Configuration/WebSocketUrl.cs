using System;

namespace WsAnalyzers.Configuration;

/// <summary>Reads the host of a ws:// URL written in a literal, without allocating for literals that are no such URL.</summary>
internal static class WebSocketUrl
{
    private const string Scheme = "ws://";

    /// <summary>True when <paramref name="text"/> starts with ws:// (any case).</summary>
    public static bool IsUnencrypted(string text) =>
        text.Length > Scheme.Length && (text[0] is 'w' or 'W') && (text[1] is 's' or 'S') && string.CompareOrdinal(text, 2, Scheme, 2, 3) == 0;

    /// <summary>The kind of host of the ws:// URL <paramref name="text"/> starts with. <paramref name="mayContinue"/>:
    /// more text follows the literal at run time (a concatenation, an interpolation), so a host not ended by a port,
    /// a path, a query or a fragment inside the literal is not known.</summary>
    public static EndpointHostKind HostOf(string text, bool mayContinue, out string host)
    {
        host = string.Empty;
        if (!IsUnencrypted(text))
        {
            return EndpointHostKind.Unknown;
        }

        var start = Scheme.Length;
        var end = text.IndexOfAny(new[] { '/', '?', '#' }, start);
        var terminated = end >= 0;
        var authority = text.Substring(start, (terminated ? end : text.Length) - start);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return EndpointHostKind.Unknown;
            }

            host = authority.Substring(1, close - 1);
            terminated |= close + 1 < authority.Length;
        }
        else
        {
            var colon = authority.IndexOf(':');
            terminated |= colon >= 0;
            host = colon >= 0 ? authority.Substring(0, colon) : authority;
        }

        if (host.Length == 0 || (mayContinue && !terminated) || host.IndexOfAny(new[] { '{', '}', '%', ' ', '$', '<', '>' }) >= 0)
        {
            return EndpointHostKind.Unknown;
        }

        return Classify(host);
    }

    private static EndpointHostKind Classify(string host)
    {
        if (host is "0.0.0.0" or "::" or "*" or "+" || host == "0:0:0:0:0:0:0:0")
        {
            return EndpointHostKind.AnyAddress;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ||
            host.StartsWith("127.", StringComparison.Ordinal) ||
            host is "::1" or "0:0:0:0:0:0:0:1" ||
            host.StartsWith("::ffff:127.", StringComparison.OrdinalIgnoreCase))
        {
            return EndpointHostKind.Loopback;
        }

        return EndpointHostKind.Remote;
    }
}
