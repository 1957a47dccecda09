using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReconnectStorm;

/// <summary>
/// Kestrel on 127.0.0.1 with a plain WebSocket endpoint (/ws) and a SignalR hub (/hub). Every WebSocket upgrade
/// request is counted as a connection attempt. A "restart" aborts every connection and answers 503 to every upgrade
/// for the downtime, so attempts made while the server is down are counted too.
/// </summary>
internal sealed class StormServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<HttpContext, byte> _connections = new();
    private readonly ConcurrentQueue<long> _attempts = new();
    private volatile bool _down;
    private int _open;

    private StormServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri WebSocketUri => new UriBuilder(BaseUri) { Scheme = "ws", Path = "/ws" }.Uri;

    public Uri HubUri => new(BaseUri, "hub");

    public int Open => Volatile.Read(ref _open);

    public static async Task<StormServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        var server = new StormServer(app);
        app.UseWebSockets();
        app.Use(server.CountAndGateAsync);
        app.Map("/ws", ReadUntilClosedAsync);
        app.MapHub<StormHub>("/hub");
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Aborts every connection and refuses upgrades until <see cref="ComeBack"/>.</summary>
    public void Crash()
    {
        _down = true;
        foreach (var context in _connections.Keys)
        {
            try
            {
                context.Abort();
            }
            catch (Exception error) when (error is ObjectDisposedException or NullReferenceException)
            {
                // The request ended on its own meanwhile and its context was recycled.
            }
        }
    }

    public void ComeBack() => _down = false;

    public long[] AttemptsBetween(long from, long to) => _attempts.Where(t => t >= from && t <= to).ToArray();

    public async ValueTask DisposeAsync()
    {
        _down = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CountAndGateAsync(HttpContext context, Func<Task> next)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next();
            return;
        }

        _attempts.Enqueue(Stopwatch.GetTimestamp());
        if (_down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        _connections.TryAdd(context, 0);
        Interlocked.Increment(ref _open);
        try
        {
            await next();
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            _connections.TryRemove(context, out _);
        }
    }

    private static async Task ReadUntilClosedAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[1024];
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
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or System.IO.IOException)
        {
        }
    }
}

internal sealed class StormHub : Hub;
