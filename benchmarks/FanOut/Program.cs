using System;
using System.Globalization;
using WsReliability.Benchmarks.FanOut;

// dotnet run -c Release --project benchmarks/FanOut -- [clients=1000] [messages=200]
// The parent runs each server in turn and starts a child process (same executable, "--clients") for the peers, so the
// server's heap is measured without the clients' objects. Timestamps are Stopwatch ticks (CLOCK_MONOTONIC), valid
// across processes on one machine.
if (args.Length > 0 && args[0] == "--clients")
{
    return await ClientSide.RunAsync(args);
}

var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
Console.WriteLine($"Fan-out: {clients} loopback clients, {Environment.ProcessorCount} cores. Throughput: {messages} broadcasts of a 16-byte message at once.");
Console.WriteLine($"Latency: {ServerSide.PacedMessages} broadcasts paced at {ServerSide.PacedPerSecond}/s ({ServerSide.PacedPerSecond * clients:N0} deliveries/s offered).");
Console.WriteLine();
Console.WriteLine("| Server | Deliveries/s | p50 latency (ms) | p99 latency (ms) | Server heap per connection (KiB) |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var kind in new[] { ServerKind.Hub, ServerKind.Naive, ServerKind.SignalR })
{
    var result = await ServerSide.RunAsync(kind, clients, messages);
    Console.WriteLine($"| {kind.Describe()} | {result.DeliveriesPerSecond:N0} | {result.P50Ms:F1} | {result.P99Ms:F1} | {result.HeapPerConnectionKiB:F1} |");
}

return 0;
