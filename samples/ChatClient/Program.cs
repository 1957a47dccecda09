using System;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WsReliability;

// A console chat client for samples/ChatServer: every line typed is sent, every message received is printed, and the
// connection survives server restarts (it waits as long as the server asks it to). Type /quit (or press Ctrl+C) to
// leave with a normal closure.
//
//   dotnet run --project samples/ChatClient -- [ws://localhost:5000/ws?name=alice]
var uri = new Uri(args.Length > 0 ? args[0] : "ws://localhost:5000/ws");
using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
var storms = new ReconnectStormDetector();
storms.StormDetected += (_, e) => Console.Error.WriteLine($"!! reconnect storm: {e.ReconnectsPerSecond:F1}/s");

var options = new ReconnectingWebSocketOptions
{
    // Chat messages typed while the connection is down are kept (up to 100) and sent after the reconnect.
    SendPolicy = SendPolicy.Wait,
    SendQueueCapacity = 100,
    MaxMessageSize = 64 * 1024,
    StormDetector = storms,
};
await using var client = new ReconnectingWebSocketClient(uri, options, loggerFactory.CreateLogger<ReconnectingWebSocketClient>());
client.StateChanged += (_, e) => Console.WriteLine($"-- {e.Previous} -> {e.Current}{(e.Close is null ? "" : $" ({e.Close})")}");
client.ReconnectScheduled += (_, e) => Console.WriteLine(
    $"-- reconnect attempt {e.Attempt} in {e.Delay.TotalSeconds:F1} s{(e.RetryAfter is { } hint ? $" (the server asked for {hint.TotalSeconds:F1} s)" : "")}");

using var quit = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    quit.Cancel();
};

try
{
    await client.StartAsync(quit.Token);
}
catch (HttpRequestException refused)
{
    // 403, 404, a 401 without fresh credentials: trying again would not help.
    Console.Error.WriteLine($"{uri} refused the connection: {refused.Message}");
    return 1;
}
catch (Exception error) when (error is InvalidOperationException or OperationCanceledException)
{
    Console.Error.WriteLine($"Could not connect to {uri}: {error.Message}");
    return 1;
}

var printing = PrintMessagesAsync(client);
Console.WriteLine($"Connected to {uri}. Type a message and press Enter; /quit leaves.");
while (!quit.IsCancellationRequested && client.State != ConnectionState.Closed)
{
    var line = await ReadLineAsync(quit.Token);
    if (line is null or "/quit")
    {
        break;
    }

    try
    {
        await client.SendTextAsync(line, quit.Token);
    }
    catch (SendRejectedException rejected)
    {
        Console.Error.WriteLine($"not sent: {rejected.Message}");
    }
    catch (OperationCanceledException)
    {
        break;
    }
}

await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
await printing;
return 0;

static async Task PrintMessagesAsync(ReconnectingWebSocketClient client)
{
    await foreach (var message in client.ReceiveAllAsync())
    {
        Console.WriteLine(message.Type == WebSocketMessageType.Text ? "<< " + message.Text : $"<< ({message.Data.Length} bytes)");
    }
}

static async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
{
    try
    {
        return await Console.In.ReadLineAsync(cancellationToken);
    }
    catch (OperationCanceledException)
    {
        return null;
    }
}
