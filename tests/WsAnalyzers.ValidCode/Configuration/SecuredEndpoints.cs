using System;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsAnalyzers.ValidCode.Configuration;

/// <summary>What the runtime hub does: allowed origins and a keep-alive timeout on the middleware, an Origin check and a
/// keep-alive timeout on the accept, and an endpoint that requires a bearer token.</summary>
public static class SecuredEndpoints
{
    private static readonly string[] Origins = { "https://chat.example.com" };

    public static void UseSecuredWebSockets(IApplicationBuilder app)
    {
        var options = new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) };
#if NET9_0_OR_GREATER
        options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
#endif
        foreach (var origin in Origins)
        {
            options.AllowedOrigins.Add(origin);
        }

        app.UseWebSockets(options);
    }

    public static async Task AcceptCheckedAsync(HttpContext context, Func<WebSocket, Task> run)
    {
        string? origin = context.Request.Headers.Origin;
        if (origin is not null && Array.IndexOf(Origins, origin) < 0)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var accept = new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(30),
#if NET9_0_OR_GREATER
            KeepAliveTimeout = TimeSpan.FromSeconds(15),
#endif
        };
        using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
        await run(socket);
    }

    /// <summary>A bearer token is not sent by the browser on its own: no cross-site hijacking without the Origin check.</summary>
    public static void MapBearerEndpoint(WebApplication app, Func<WebSocket, Task> run) =>
        app.Map("/api/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await run(socket);
        }).RequireAuthorization();
}
