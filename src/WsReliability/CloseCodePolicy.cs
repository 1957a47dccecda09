using System.Net.WebSockets;

namespace WsReliability;

/// <summary>The default answer to "reconnect after this close?", used when no hook is set.</summary>
public static class CloseCodePolicy
{
    /// <summary>1012 Service Restart (RFC 6455 registry; no enum member in .NET).</summary>
    public const WebSocketCloseStatus ServiceRestart = (WebSocketCloseStatus)1012;

    /// <summary>1013 Try Again Later (RFC 6455 registry; no enum member in .NET).</summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    /// <summary>1014 Bad Gateway (RFC 6455 registry; no enum member in .NET).</summary>
    public const WebSocketCloseStatus BadGateway = (WebSocketCloseStatus)1014;

    /// <summary>
    /// Reconnect after an abnormal closure (no Close frame: network errors, keep-alive timeouts, crashes) and after
    /// 1001 Going Away, 1011 Internal Error, 1012 Service Restart, 1013 Try Again Later and 1014 Bad Gateway, which
    /// say the server is going away or is in trouble for now. Stay closed after 1000 Normal Closure, after a close this
    /// client started, and after every other code (1002, 1003, 1007, 1008, 1009, 1010, application codes 3000–4999):
    /// they say the conversation itself is wrong, and a reconnect would repeat it.
    /// </summary>
    public static bool ShouldReconnect(CloseInfo close)
    {
        if (close.InitiatedByClient)
        {
            return false;
        }

        return close.Status switch
        {
            null => true,
            WebSocketCloseStatus.EndpointUnavailable => true,
            WebSocketCloseStatus.InternalServerError => true,
            ServiceRestart or TryAgainLater or BadGateway => true,
            _ => false,
        };
    }

    /// <summary>
    /// True when a refused upgrade will not succeed by trying again: 4xx client errors (400 Bad Request, 403
    /// Forbidden, 404 Not Found, 410 Gone, ...) except 401 Unauthorized (credentials can be refreshed, see
    /// <see cref="ReconnectingWebSocketOptions.RefreshCredentialsAsync"/>), 408 Request Timeout and 429 Too Many
    /// Requests. 5xx answers (503 while a server starts or drains) and failures without an answer are retried.
    /// </summary>
    public static bool IsPermanentUpgradeFailure(int statusCode) =>
        statusCode is >= 400 and < 500 and not (401 or 408 or 429);
}
