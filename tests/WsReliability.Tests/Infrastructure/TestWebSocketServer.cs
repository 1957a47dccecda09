using System;
using System.Collections.Concurrent;
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

namespace WsReliability.Tests.Infrastructure;

/// <summary>
/// A real Kestrel WebSocket server on 127.0.0.1 with a few behaviours: /echo echoes, /silent accepts and never reads
/// (so it never answers a ping), /fragments sends one message in three frames, /flood sends one endless message,
/// /close/{code} closes at once with that code, /status/{code}?retryAfter={value} refuses the upgrade with that status.
/// </summary>
internal sealed class TestWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<WebSocket, byte> _sockets = new();
    private int _accepted;
    private int _refused;
    private long _echoed;

    private TestWebSocketServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public int Accepted => Volatile.Read(ref _accepted);

    public int Refused => Volatile.Read(ref _refused);

    public long Echoed => Interlocked.Read(ref _echoed);

    public int OpenSockets => _sockets.Keys.Count(s => s.State == WebSocketState.Open);

    public ConcurrentQueue<WebSocketCloseStatus?> CloseStatusesReceived { get; } = new();

    public ConcurrentQueue<string> TextsReceived { get; } = new();

    public long FloodBytesSent;

    public Uri Url(string path) => new($"ws://127.0.0.1:{Port}/{path.TrimStart('/')}");

    public static async Task<TestWebSocketServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        TestWebSocketServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Urls.Select(u => new Uri(u)).First();
        server = new TestWebSocketServer(app, address.Port);
        return server;
    }

    /// <summary>Closes every connection (with a Close frame carrying <paramref name="status"/>, or by aborting when null).</summary>
    public async Task CloseAllAsync(WebSocketCloseStatus? status)
    {
        var closes = _sockets.Keys.Select(async socket =>
        {
            try
            {
                if (status is { } code)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await socket.CloseOutputAsync(code, "test server", timeout.Token);
                }
                else
                {
                    socket.Abort();
                }
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket.Abort();
            }
        });
        await Task.WhenAll(closes);
    }

    public async Task StopAsync(WebSocketCloseStatus? status = null)
    {
        await CloseAllAsync(status);
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets.Keys)
        {
            socket.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/status/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = int.Parse(path["/status/".Length..]);
            if (context.Request.Query.TryGetValue("retryAfter", out var retryAfter))
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _accepted);
        _sockets.TryAdd(socket, 0);
        var stopping = _app.Lifetime.ApplicationStopping;
        try
        {
            if (path == "/silent")
            {
                await Task.Delay(Timeout.Infinite, stopping);
            }
            else if (path == "/fragments")
            {
                foreach (var (part, last) in new[] { ("hel", false), ("lo wo", false), ("rld", true) })
                {
                    await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(part), WebSocketMessageType.Text, last, stopping);
                }

                await EchoAsync(socket, stopping);
            }
            else if (path == "/flood")
            {
                await FloodAsync(socket, stopping);
            }
            else if (path.StartsWith("/close/", StringComparison.Ordinal))
            {
                var code = (WebSocketCloseStatus)int.Parse(path["/close/".Length..]);
                await socket.CloseOutputAsync(code, "test close", stopping);
                await DrainAsync(socket, stopping);
            }
            else
            {
                await EchoAsync(socket, stopping);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            _sockets.TryRemove(socket, out _);
            socket.Abort();
        }
    }

    private async Task EchoAsync(WebSocket socket, CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, stopping);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                CloseStatusesReceived.Enqueue(result.CloseStatus);
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, stopping);
                }

                return;
            }

            if (result.MessageType == WebSocketMessageType.Text && result.EndOfMessage)
            {
                TextsReceived.Enqueue(System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count));
            }

            Interlocked.Increment(ref _echoed);
            await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, stopping);
        }
    }

    private async Task DrainAsync(WebSocket socket, CancellationToken stopping)
    {
        var buffer = new byte[4096];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(buffer, stopping);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                CloseStatusesReceived.Enqueue(result.CloseStatus);
                return;
            }
        }
    }

    /// <summary>One message that never ends: 64 KiB fragments until the client closes (at most 256 MiB).</summary>
    private async Task FloodAsync(WebSocket socket, CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var reader = Task.Run(async () =>
        {
            try
            {
                await DrainAsync(socket, done.Token);
            }
            finally
            {
                done.Cancel();
            }
        });
        var fragment = new byte[64 * 1024];
        try
        {
            while (Interlocked.Read(ref FloodBytesSent) < 256L * 1024 * 1024 && !done.IsCancellationRequested)
            {
                await socket.SendAsync(fragment, WebSocketMessageType.Binary, endOfMessage: false, done.Token);
                Interlocked.Add(ref FloodBytesSent, fragment.Length);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
        }

        await reader.WaitAsync(TimeSpan.FromSeconds(10));
        if (socket.State == WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, stopping);
        }
    }
}
