using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsReliability.AspNetCore;

namespace WsReliability.Benchmarks.FanOut;

internal sealed record RunResult(double DeliveriesPerSecond, double P50Ms, double P99Ms, double HeapPerConnectionKiB);

internal sealed class FanOutHub : Hub
{
}

internal static class ServerSide
{
    public static async Task<RunResult> RunAsync(ServerKind kind, int clients, int messages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxConcurrentConnections = null;
        });
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        builder.Services.AddWebSocketHub(o =>
        {
            o.MaxConnections = clients + 10;
            o.SendQueueCapacity = Math.Max(256, messages + 16);
            o.HistoryCapacity = 0;
        });
        builder.Services.AddSignalR();
        var naive = new ConcurrentDictionary<Guid, WebSocket>();
        var app = builder.Build();
        app.MapWebSocketHub("/hub");
        app.MapHub<FanOutHub>("/signalr");
        app.UseWebSockets();
        app.Map("/naive", async context =>
        {
            // The textbook loop: a dictionary of sockets, removal after the receive loop.
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var id = Guid.NewGuid();
            naive[id] = socket;
            var buffer = new byte[1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }
                }
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                naive.TryRemove(id, out _);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var hub = app.Services.GetRequiredService<WebSocketHub>();
        var signalR = app.Services.GetRequiredService<IHubContext<FanOutHub>>();

        var heapBefore = FullGcHeap();
        using var child = ClientSide.Start(kind, address, clients, messages);
        await child.WaitForLineAsync("READY");
        var heapWithClients = FullGcHeap();

        // Phase 1, throughput: every broadcast at once; deliveries per second until the last one arrives.
        var firstSend = Stopwatch.GetTimestamp();
        for (var i = 0; i < messages; i++)
        {
            await BroadcastAsync(kind, hub, naive, signalR);
        }

        var burst = await child.WaitForLineAsync("BURST");
        var lastReceive = long.Parse(burst.Split(' ')[1], CultureInfo.InvariantCulture);
        var elapsed = Stopwatch.GetElapsedTime(firstSend, lastReceive);

        // Phase 2, latency: a paced load every server sustains, so the percentiles are delivery time, not queueing.
        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / PacedPerSecond));
        for (var i = 0; i < PacedMessages; i++)
        {
            await pace.WaitForNextTickAsync();
            await BroadcastAsync(kind, hub, naive, signalR);
        }

        var done = await child.WaitForLineAsync("DONE");
        var parts = done.Split(' ');
        var p50 = double.Parse(parts[1], CultureInfo.InvariantCulture);
        var p99 = double.Parse(parts[2], CultureInfo.InvariantCulture);
        await child.ExitAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        return new RunResult((double)clients * messages / elapsed.TotalSeconds, p50, p99, (heapWithClients - heapBefore) / 1024.0 / clients);
    }

    public const int PacedMessages = 100;
    public const int PacedPerSecond = 20;

    private static async Task BroadcastAsync(ServerKind kind, WebSocketHub hub, ConcurrentDictionary<Guid, WebSocket> naive, IHubContext<FanOutHub> signalR)
    {
        var message = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(message, Stopwatch.GetTimestamp());
        switch (kind)
        {
            case ServerKind.Hub:
                hub.Broadcast(message);
                break;
            case ServerKind.Naive:
                foreach (var socket in naive.Values)
                {
                    try
                    {
                        if (socket.State == WebSocketState.Open)
                        {
                            await socket.SendAsync(message, WebSocketMessageType.Binary, true, CancellationToken.None);
                        }
                    }
                    catch (WebSocketException)
                    {
                    }
                }

                break;
            default:
                await signalR.Clients.All.SendAsync("m", BinaryPrimitives.ReadInt64LittleEndian(message));
                break;
        }
    }

    private static long FullGcHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
