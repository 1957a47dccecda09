using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ReconnectStorm;
using WsReliability;

// The reconnect-storm benchmark: N clients of each kind connect to a local Kestrel server, the server goes down for
// the downtime in one of three ways (OutageKind), and the server counts every connection attempt. Reported per
// outage and kind: attempts per client, the busiest 100 ms and second, and the time from the server's return until
// 99 % of the clients are connected again. See docs/performance.md.
//
//   dotnet run -c Release --project benchmarks/ReconnectStorm -- [clients=1000] [downtimeSeconds=10] [only=name] [naive=true]
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
var clientCount = int.Parse(settings.GetValueOrDefault("clients", "1000"), CultureInfo.InvariantCulture);
var downtime = TimeSpan.FromSeconds(double.Parse(settings.GetValueOrDefault("downtimeSeconds", "10"), CultureInfo.InvariantCulture));
var giveUp = TimeSpan.FromSeconds(double.Parse(settings.GetValueOrDefault("timeoutSeconds", "150"), CultureInfo.InvariantCulture));
var only = settings.GetValueOrDefault("only");
var withNaive = settings.GetValueOrDefault("naive") == "true";
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);

var storms = new ReconnectStormDetector();
var due = new System.Collections.Concurrent.ConcurrentQueue<long>();
const string ours = "WsReliability (defaults) against WsReliability.AspNetCore";
var kinds = new List<(string Name, Func<StormServer, IStormClient> Create)>
{
    (ours, s => new WsReliabilityStormClient(s.HubUri, storms, due)),
    ("incident guide (1 s × 1.5ⁿ, ±25 %)", s => new IncidentGuideStormClient(s.WebSocketUri)),
    ("SignalR client (WithAutomaticReconnect)", s => new SignalRStormClient(s.SignalRUri)),
    ("Websocket.Client 5.5.1 (defaults)", s => new WebsocketClientStormClient(s.WebSocketUri)),
};
if (withNaive)
{
    kinds.Add(("naive immediate-reconnect loop", s => new NaiveLoopStormClient(s.WebSocketUri)));
}

var outages = new[] { OutageKind.CrashNoHints, OutageKind.CrashWithRetryAfter, OutageKind.RestartWithHints };
Console.WriteLine($"{clientCount} clients per kind, downtime {downtime.TotalSeconds:F1} s, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var rows = new List<string>();
foreach (var outage in outages)
{
    foreach (var (name, create) in kinds.Where(k => only is null || k.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
    {
        // A drain with hints only means something to a client that reads them; the others are not drained by the hub.
        if (outage == OutageKind.RestartWithHints && name != ours)
        {
            continue;
        }

        var row = await RunAsync(outage, name, create);
        rows.Add(row);
    }
}

Console.WriteLine();
Console.WriteLine("| Outage | Client | Attempts per client | Busiest 100 ms (due) | Busiest second | 99 % back after the server's return |");
Console.WriteLine("|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
return;

async Task<string> RunAsync(OutageKind outage, string name, Func<StormServer, IStormClient> create)
{
    await using var server = await StormServer.StartAsync();
    if (name.StartsWith("Websocket.Client", StringComparison.Ordinal) && outage == OutageKind.CrashNoHints)
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

    due.Clear();
    var down = Stopwatch.GetTimestamp();
    var going = server.GoDownAsync(outage, downtime);
    await Task.Delay(downtime);
    server.ComeBack();
    var up = server.BackAt;
    var back = await WaitUntilAsync(() => server.Open >= clientCount * 0.99, giveUp);
    var end = Stopwatch.GetTimestamp();
    await going;

    var attempts = server.AttemptsBetween(down, end);
    var per100Ms = attempts.GroupBy(t => Stopwatch.GetElapsedTime(down, t).Ticks / (TimeSpan.TicksPerMillisecond * 100)).ToDictionary(g => g.Key, g => g.Count());
    var perSecond = attempts.GroupBy(t => Stopwatch.GetElapsedTime(down, t).Ticks / TimeSpan.TicksPerSecond).Select(g => g.Count()).DefaultIfEmpty(0).Max();
    var untilBack = back ? $"{Stopwatch.GetElapsedTime(up, end).TotalSeconds:F1} s" : $"not within {giveUp.TotalSeconds:F0} s ({server.Open} back)";
    var intervals = (int)Math.Ceiling(Stopwatch.GetElapsedTime(down, end).TotalMilliseconds / 100);
    Console.WriteLine($"{outage}, {name}: attempts per 100 ms from the outage to 99 % back (server back after interval {downtime.TotalMilliseconds / 100:F0}):");
    Console.WriteLine("  " + string.Join(" ", Enumerable.Range(0, Math.Min(intervals, 400)).Select(i => per100Ms.GetValueOrDefault(i))));
    // When our client's attempts were due (the client's own schedule) next to when the server saw them: on a loaded
    // machine a stalled process runs the attempts of several intervals in one.
    var dueBusiest = name == ours
        ? $" ({due.Where(t => t >= down && t <= end).GroupBy(t => (t - down) * 10 / Stopwatch.Frequency).Select(g => g.Count()).DefaultIfEmpty(0).Max()})"
        : "";
    var row = $"| {Describe(outage)} | {name} | {attempts.Length / (double)clientCount:F2} | {per100Ms.Values.DefaultIfEmpty(0).Max()}{dueBusiest} | {perSecond} | {untilBack} |";
    Console.WriteLine(row);

    await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
    return row;
}

static string Describe(OutageKind outage) => outage switch
{
    OutageKind.CrashNoHints => "crash, 503 without hints",
    OutageKind.CrashWithRetryAfter => "crash, 503 with Retry-After",
    _ => "restart: 1001 with hints, 503 with Retry-After",
};

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
