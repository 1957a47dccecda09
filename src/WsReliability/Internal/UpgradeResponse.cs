using System;
using System.Net.Http.Headers;
using System.Net.WebSockets;

namespace WsReliability.Internal;

/// <summary>What the server answered to a refused upgrade: its status code and its Retry-After, if any.</summary>
internal readonly record struct UpgradeResponse(int StatusCode, TimeSpan? RetryAfter)
{
    /// <summary>
    /// Reads the response of a failed ConnectAsync (ClientWebSocketOptions.CollectHttpResponseDetails must be on).
    /// Status 0: there was no HTTP response (refused, reset, timed out).
    /// </summary>
    public static UpgradeResponse Read(ClientWebSocket socket, TimeProvider time)
    {
        var status = (int)socket.HttpStatusCode;
        if (socket.HttpResponseHeaders is not { } headers)
        {
            return new UpgradeResponse(status, null);
        }

        foreach (var (name, values) in headers)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (RetryConditionHeaderValue.TryParse(value, out var parsed))
                {
                    var delay = parsed.Delta ?? (parsed.Date - time.GetUtcNow()) ?? TimeSpan.Zero;
                    return new UpgradeResponse(status, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
                }
            }
        }

        return new UpgradeResponse(status, null);
    }
}
