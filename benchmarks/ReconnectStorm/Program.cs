using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ReconnectStorm;
using WsReliability;

// The reconnect-storm benchmark: N clients of each kind connect to a local Kestrel server, the server "restarts"
// (every connection aborted, upgrades refused with 503 for the downtime), and the server counts every connection
// attempt. Reported per kind: attempts per 100 ms at the peak, attempts in total, and the time from the server
// coming back until 99 % of the clients are connected again. See docs/performance.md.
//
//   dotnet run -c Release --project benchmarks/ReconnectStorm -- [clients=1000] [downtimeSeconds=3] [only=name]
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
var clientCount = int.Parse(settings.GetValueOrDefault("clients", "1000"));
var downtime = TimeSpan.FromSeconds(double.Parse(settings.GetValueOrDefault("downtimeSeconds", "3"), System.Globalization.CultureInfo.InvariantCulture));
var giveUp = TimeSpan.FromSeconds(double.Parse(settings.GetValueOrDefault("timeoutSeconds", "150"), System.Globalization.CultureInfo.InvariantCulture));
var only = settings.GetValueOrDefault("only");
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);

var storms = new ReconnectStormDetector();
var clientSideAttempts = new System.Collections.Concurrent.ConcurrentQueue<long>();
using var listener = new System.Diagnostics.Metrics.MeterListener
{
    InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Name == WsReliabilityMetrics.ReconnectAttempts)
        {
            l.EnableMeasurementEvents(instrument);
        }
    },
};
listener.SetMeasurementEventCallback<long>((_, _, _, _) => clientSideAttempts.Enqueue(Stopwatch.GetTimestamp()));
listener.Start();
var scenarios = new (string Name, Func<StormServer, IStormClient> Create)[]
{
    ("WsReliability (defaults)", s => new WsReliabilityStormClient(s.WebSocketUri, storms)),
    ("Websocket.Client 5.5.1 (defaults)", s => new WebsocketClientStormClient(s.WebSocketUri)),
    ("SignalR client (WithAutomaticReconnect)", s => new SignalRStormClient(s.HubUri)),
    ("naive immediate-reconnect loop", s => new NaiveLoopStormClient(s.WebSocketUri)),
};

Console.WriteLine($"{clientCount} clients per kind, downtime {downtime.TotalSeconds:F1} s, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var results = new List<string>();
foreach (var (name, create) in scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
{
    await using var server = await StormServer.StartAsync();
    if (name.StartsWith("Websocket.Client", StringComparison.Ordinal))
    {
        Console.WriteLine("Websocket.Client defaults: " + WebsocketClientStormClient.Defaults(server.WebSocketUri));
    }

    var clients = Enumerable.Range(0, clientCount).Select(_ => create(server)).ToArray();
    using (var gate = new SemaphoreSlim(25))
    {
        await Task.WhenAll(clients.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                await c.StartAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    await WaitUntilAsync(() => server.Open >= clientCount, TimeSpan.FromSeconds(60));
    await Task.Delay(TimeSpan.FromSeconds(1));

    var crashed = Stopwatch.GetTimestamp();
    server.Crash();
    await Task.Delay(downtime);
    server.ComeBack();
    var up = Stopwatch.GetTimestamp();
    var back = await WaitUntilAsync(() => server.Open >= clientCount * 0.99, giveUp);
    var end = Stopwatch.GetTimestamp();

    var attempts = server.AttemptsBetween(crashed, end);
    var peak = attempts.GroupBy(t => Stopwatch.GetElapsedTime(crashed, t).Ticks / TimeSpan.TicksPerMillisecond / 100).Select(g => g.Count()).DefaultIfEmpty(0).Max();
    var peakPerSecond = attempts.GroupBy(t => Stopwatch.GetElapsedTime(crashed, t).Ticks / TimeSpan.TicksPerSecond).Select(g => g.Count()).DefaultIfEmpty(0).Max();
    var untilBack = back ? $"{Stopwatch.GetElapsedTime(up, end).TotalSeconds:F1} s" : $"not within {giveUp.TotalSeconds:F0} s ({server.Open} back)";
    var histogram = attempts.GroupBy(t => Stopwatch.GetElapsedTime(crashed, t).Ticks / TimeSpan.TicksPerMillisecond / 100)
        .ToDictionary(g => g.Key, g => g.Count());
    Console.WriteLine("  attempts per 100 ms after the crash (server side): " +
        string.Join(" ", Enumerable.Range(0, 80).Select(i => histogram.GetValueOrDefault(i))));
    if (name.StartsWith("WsReliability", StringComparison.Ordinal))
    {
        var clientSide = clientSideAttempts.Where(t => t >= crashed).GroupBy(t => Stopwatch.GetElapsedTime(crashed, t).Ticks / TimeSpan.TicksPerMillisecond / 100)
            .ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine("  attempts per 100 ms after the crash (client side):  " +
            string.Join(" ", Enumerable.Range(0, 80).Select(i => clientSide.GetValueOrDefault(i))));
        clientSideAttempts.Clear();
    }

    var row = $"| {name} | {peak} | {peakPerSecond} | {attempts.Length} | {untilBack} |";
    Console.WriteLine(row);
    results.Add(row);

    await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
}

Console.WriteLine();
Console.WriteLine("| Client | Peak attempts per 100 ms | Peak attempts per second | Attempts from crash to 99 % back | Server up → 99 % back |");
Console.WriteLine("|---|---|---|---|---|");
results.ForEach(Console.WriteLine);

static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
{
    var watch = Stopwatch.StartNew();
    while (!condition())
    {
        if (watch.Elapsed > timeout)
        {
            return false;
        }

        await Task.Delay(10);
    }

    return true;
}
