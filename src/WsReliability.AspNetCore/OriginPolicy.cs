using System;
using System.Collections.Generic;
using System.Linq;

namespace WsReliability.AspNetCore;

/// <summary>
/// Cross-site WebSocket hijacking defence. Browsers always send Origin on a WebSocket upgrade; a request without it
/// is not from a browser page and is allowed. With no allowed origins configured, only the same host is allowed.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly HashSet<string> _allowed;
    private readonly bool _any;

    public OriginPolicy(IEnumerable<string> allowedOrigins)
    {
        _allowed = new HashSet<string>(allowedOrigins.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        _any = _allowed.Contains("*");
    }

    public bool IsAllowed(string? origin, string? host)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (_any)
        {
            return true;
        }

        if (_allowed.Count > 0)
        {
            return _allowed.Contains(Normalize(origin));
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && host is not null
            && (string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase)
                || string.Equals($"{uri.Host}:{uri.Port}", host, StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalize(string origin) => origin.Trim().TrimEnd('/');
}
