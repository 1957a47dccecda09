using System;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>
/// A Kestrel WebSocket echo server on 127.0.0.1 (any path): the application behind the proxies. Its keep-alive interval
/// is the one check-proxy is told about (--keep-alive): Kestrel sends a keep-alive frame that often on an idle socket.
/// </summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<EchoServer> StartAsync(TimeSpan keepAlive)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = keepAlive });
        app.Run(EchoAsync);
        await app.StartAsync();
        var server = new EchoServer(app, new Uri(app.Urls.First()).Port);

        // One direct echo first: the first handshake of a fresh process is slow (JIT), and the tests' proxies wait only
        // half a second for a response.
        using var socket = await WebSocketProbe.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/warm-up"));
        await WebSocketProbe.EchoAsync(socket, "warm-up");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("WebSocket requests only");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The proxy closed the connection: what the idle-timeout tests provoke.
        }
    }
}
