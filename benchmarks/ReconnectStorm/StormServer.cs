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
using WsReliability.AspNetCore;

namespace ReconnectStorm;

/// <summary>
/// Kestrel on 127.0.0.1 with three endpoints: our hub (/hub-ws, WsReliability.AspNetCore, for our client), a plain
/// WebSocket endpoint (/ws) and a SignalR hub (/signalr) for the other clients. Every WebSocket upgrade request is
/// counted as a connection attempt, including those answered 503, before anything else sees it.
/// </summary>
internal sealed class StormServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<HttpContext, byte> _connections = new();
    private readonly ConcurrentQueue<long> _attempts = new();
    private volatile bool _down;
    private volatile bool _hintRetryAfter;
    private long _backAt;
    private int _open;

    private StormServer(WebApplication app)
    {
        _app = app;
        Hub = app.Services.GetRequiredService<WebSocketHub>();
    }

    public Uri BaseUri { get; private set; } = null!;

    public WebSocketHub Hub { get; }

    public Uri HubUri => new UriBuilder(BaseUri) { Scheme = "ws", Path = "/hub-ws" }.Uri;

    public Uri WebSocketUri => new UriBuilder(BaseUri) { Scheme = "ws", Path = "/ws" }.Uri;

    public Uri SignalRUri => new(BaseUri, "signalr");

    /// <summary>Open connections: the hub's registered ones and the other endpoints' accepted ones.</summary>
    public int Open => Volatile.Read(ref _open) + Hub.Connections.Count;

    public static async Task<StormServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        builder.Services.AddWebSocketHub(o => o.MaxConnections = 100_000);
        var app = builder.Build();
        StormServer? server = null;
        app.UseWebSockets();
        app.Use((context, next) => server!.CountAndGateAsync(context, next));
        app.MapWebSocketHub("/hub-ws");
        app.Map("/ws", ReadUntilClosedAsync);
        app.MapHub<StormHub>("/signalr");
        await app.StartAsync();
        server = new StormServer(app) { BaseUri = new Uri(app.Urls.First()) };
        return server;
    }

    /// <summary>Goes down for <paramref name="downtime"/> the way <paramref name="kind"/> says; <see cref="ComeBack"/> ends it.</summary>
    public Task GoDownAsync(OutageKind kind, TimeSpan downtime)
    {
        _backAt = Stopwatch.GetTimestamp() + (long)(downtime.TotalSeconds * Stopwatch.Frequency);
        _hintRetryAfter = kind != OutageKind.CrashNoHints;
        _down = true;
        if (kind == OutageKind.RestartWithHints)
        {
            // The hub closes its connections itself, each with a hint, and answers 503 with Retry-After meanwhile.
            return Hub.DrainAsync(downtime);
        }

        Hub.SetUnavailable(downtime);
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

        return Task.CompletedTask;
    }

    /// <summary>When the server comes back (Stopwatch ticks): the time its hints promised.</summary>
    public long BackAt => Volatile.Read(ref _backAt);

    /// <summary>
    /// Ends the outage. The first upgrade after <see cref="BackAt"/> ends it too, so that the server keeps the promise
    /// of its hints to the tick even when the benchmark's own timer fires late on a loaded machine.
    /// </summary>
    public void ComeBack()
    {
        if (_down)
        {
            _down = false;
            Hub.SetAvailable();
        }
    }

    public long[] AttemptsBetween(long from, long to) => _attempts.Where(t => t >= from && t <= to).ToArray();

    public async ValueTask DisposeAsync()
    {
        _down = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CountAndGateAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _attempts.Enqueue(now);
        if (_down && now >= Volatile.Read(ref _backAt))
        {
            ComeBack();
        }

        var toHub = context.Request.Path.StartsWithSegments("/hub-ws", StringComparison.Ordinal);
        if (_down && !(toHub && _hintRetryAfter))
        {
            // Our hub answers its own 503s with spread hints; the others get the time left, which they ignore.
            if (_hintRetryAfter)
            {
                var left = Math.Max(0, (Volatile.Read(ref _backAt) - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(left)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        _connections.TryAdd(context, 0);
        if (!toHub)
        {
            Interlocked.Increment(ref _open);
        }

        try
        {
            await next(context);
        }
        finally
        {
            if (!toHub)
            {
                Interlocked.Decrement(ref _open);
            }

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
