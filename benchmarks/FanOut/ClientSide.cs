using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

namespace WsReliability.Benchmarks.FanOut;

/// <summary>The child process: connects the peers, counts deliveries, reports latency percentiles.</summary>
internal sealed class ClientSide : IDisposable
{
    private readonly Process _process;

    private ClientSide(Process process) => _process = process;

    public static ClientSide Start(ServerKind kind, string address, int clients, int messages)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ClientSide).Assembly.Location);
        }

        foreach (var arg in new[] { "--clients", kind.ToString(), address, clients.ToString(CultureInfo.InvariantCulture), messages.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        return new ClientSide(Process.Start(info)!);
    }

    public async Task<string> WaitForLineAsync(string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"client process ended before {prefix}");
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    public async Task ExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var kind = Enum.Parse<ServerKind>(args[1]);
        var address = args[2];
        var clients = int.Parse(args[3], CultureInfo.InvariantCulture);
        var messages = int.Parse(args[4], CultureInfo.InvariantCulture);
        var burst = clients * messages;
        var latencies = new double[burst + clients * ServerSide.PacedMessages];
        var burstDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        var lastReceive = 0L;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        void Record(long sentAt)
        {
            var now = Stopwatch.GetTimestamp();
            var index = Interlocked.Increment(ref received) - 1;
            latencies[index] = Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds;
            if (index == burst - 1)
            {
                Volatile.Write(ref lastReceive, now);
                burstDone.TrySetResult();
            }

            if (index == latencies.Length - 1)
            {
                allDone.TrySetResult();
            }
        }

        var cleanup = new System.Collections.Generic.List<Func<Task>>();
        using var stop = new CancellationTokenSource();
        var semaphore = new SemaphoreSlim(50);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async index =>
        {
            await semaphore.WaitAsync();
            try
            {
                if (kind == ServerKind.SignalR)
                {
                    var connection = new HubConnectionBuilder()
                        .WithUrl(address + "/signalr", o => o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets)
                        .Build();
                    connection.On<long>("m", Record);
                    await connection.StartAsync();
                    lock (cleanup)
                    {
                        cleanup.Add(() => connection.DisposeAsync().AsTask());
                    }
                }
                else
                {
                    var socket = new ClientWebSocket();
                    var path = kind == ServerKind.Hub ? "/hub" : "/naive";
                    await socket.ConnectAsync(new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + path), CancellationToken.None);
                    _ = Task.Run(async () =>
                    {
                        var buffer = new byte[64];
                        try
                        {
                            while (true)
                            {
                                var result = await socket.ReceiveAsync(buffer, stop.Token);
                                if (result.MessageType == WebSocketMessageType.Close)
                                {
                                    return;
                                }

                                Record(BinaryPrimitives.ReadInt64LittleEndian(buffer));
                            }
                        }
                        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                        {
                        }
                    });
                    lock (cleanup)
                    {
                        cleanup.Add(() =>
                        {
                            socket.Abort();
                            socket.Dispose();
                            return Task.CompletedTask;
                        });
                    }
                }
            }
            finally
            {
                semaphore.Release();
            }
        }));

        // Let the server register the last connections before it measures and broadcasts.
        await Task.Delay(1000);
        Console.WriteLine("READY");
        foreach (var phase in new[] { burstDone.Task, allDone.Task })
        {
            if (await Task.WhenAny(phase, Task.Delay(TimeSpan.FromMinutes(2))) != phase)
            {
                Console.WriteLine($"TIMEOUT received {received} of {latencies.Length}");
                return 1;
            }

            if (phase == burstDone.Task)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BURST {Volatile.Read(ref lastReceive)}"));
            }
        }

        // Latency percentiles of the paced phase only (everything that arrived after the burst).
        var paced = latencies.AsSpan(burst).ToArray();
        Array.Sort(paced);
        var p50 = paced[paced.Length / 2];
        var p99 = paced[(int)(paced.Length * 0.99)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DONE {p50:F3} {p99:F3}"));
        stop.Cancel();
        await Task.WhenAll(cleanup.Select(c => c()));
        return 0;
    }
}
