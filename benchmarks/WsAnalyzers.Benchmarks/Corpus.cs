using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;

namespace WsAnalyzers.Benchmarks;

/// <summary>Generated C# sources: an ordinary codebase with no WebSocket API, and a WebSocket-dense one where every file
/// has handlers, receive loops, broadcasts and reconnect loops.</summary>
internal static class Corpus
{
    public static IReadOnlyList<(string Path, string Text)> Ordinary(int files)
    {
        var sources = new List<(string, string)>(files);
        for (var i = 0; i < files; i++)
        {
            sources.Add(($"Ordinary/Service{i}.cs", OrdinaryFile.Replace("__N__", i.ToString(CultureInfo.InvariantCulture))));
        }

        return sources;
    }

    /// <summary>Every file is WebSocket code (accept and receive loops, broadcasts, reconnecting clients, handlers, hubs);
    /// like a real codebase, most of it is correct and one file in ten also carries the mistakes every rule catches.
    /// The correct endpoints require a bearer token, not an Origin check: the rules count an Origin check anywhere in the
    /// project for every accept (WS6003), so one would make the mistakes' accepts correct too.</summary>
    public static IReadOnlyList<(string Path, string Text)> WebSocketDense(int files)
    {
        var sources = new List<(string, string)>(files + files / 10 + 3);
        for (var i = 0; i < files; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sources.Add(($"Dense/Endpoint{i}.cs", DenseCorrectFile.Replace("__N__", n)));
            if (i % 10 == 0)
            {
                sources.Add(($"Dense/Mistakes{i}.cs", DenseMistakesFile.Replace("__N__", n)));
            }
        }

        sources.AddRange(StandIns());
        return sources;
    }

    public static IEnumerable<(string Path, string Text)> StandIns()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith("StandIns.", System.StringComparison.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                yield return ("StandIns/" + name.Substring("StandIns.".Length), reader.ReadToEnd());
            }
        }
    }

    private const string OrdinaryFile = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Ordinary.N__N__;

        public sealed record Order__N__(int Id, string Customer, decimal Amount, DateTime PlacedAt);

        public interface IOrderStore__N__
        {
            Task<IReadOnlyList<Order__N__>> LoadAsync(CancellationToken cancellationToken);
            Task SaveAsync(Order__N__ order, CancellationToken cancellationToken);
        }

        public sealed class OrderService__N__
        {
            private readonly IOrderStore__N__ _store;
            private readonly Dictionary<int, Order__N__> _cache = new();
            private readonly List<string> _audit = new();

            public OrderService__N__(IOrderStore__N__ store) => _store = store;

            public async Task<decimal> TotalForAsync(string customer, CancellationToken cancellationToken)
            {
                var orders = await _store.LoadAsync(cancellationToken);
                var total = 0m;
                foreach (var order in orders.Where(o => o.Customer == customer))
                {
                    total += order.Amount;
                    _cache[order.Id] = order;
                }

                return total;
            }

            public async Task PlaceAsync(string customer, decimal amount, CancellationToken cancellationToken)
            {
                var order = new Order__N__(_cache.Count + 1, customer, amount, DateTime.UtcNow);
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        await _store.SaveAsync(order, cancellationToken);
                        _audit.Add($"placed {order.Id}");
                        return;
                    }
                    catch (TimeoutException) when (attempt < 2)
                    {
                        await Task.Delay(100 * (attempt + 1), cancellationToken);
                    }
                }
            }

            public string Report()
            {
                var builder = new StringBuilder();
                foreach (var group in _cache.Values.GroupBy(o => o.Customer).OrderBy(g => g.Key))
                {
                    builder.Append(group.Key).Append(": ").Append(group.Sum(o => o.Amount)).AppendLine();
                }

                while (_audit.Count > 100)
                {
                    _audit.RemoveAt(0);
                }

                return builder.ToString();
            }

            public static int Checksum(ReadOnlySpan<byte> data)
            {
                var sum = 17;
                for (var i = 0; i < data.Length; i++)
                {
                    sum = unchecked(sum * 31 + data[i]);
                }

                return sum;
            }
        }
        """;

    private const string DenseCorrectFile = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.SignalR;

        namespace Dense.N__N__;

        public sealed class Endpoint__N__
        {
            private const int MaxMessageBytes = 64 * 1024;
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

            [Authorize(AuthenticationSchemes = "Bearer")]
            public async Task HandleAsync(HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid();
                _sockets.TryAdd(id, socket);
                try
                {
                    var buffer = new byte[4096];
                    var message = new StringBuilder();
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                            break;
                        }

                        if (message.Length + result.Count > MaxMessageBytes)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too big", CancellationToken.None);
                            break;
                        }

                        message.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                        if (!result.EndOfMessage)
                        {
                            continue;
                        }

                        var text = message.ToString();
                        message.Clear();
                        await Task.Run(() => Process(text));
                        await BroadcastAsync(text, context.RequestAborted);
                    }
                }
                finally
                {
                    _sockets.TryRemove(id, out _);
                }
            }

            public async Task BroadcastAsync(string text, CancellationToken cancellationToken)
            {
                var payload = Encoding.UTF8.GetBytes(text);
                foreach (var (id, socket) in _sockets)
                {
                    if (socket.State != WebSocketState.Open)
                    {
                        continue;
                    }

                    try
                    {
                        await socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, cancellationToken);
                    }
                    catch (WebSocketException)
                    {
                        _sockets.TryRemove(id, out _);
                    }
                }
            }

            private static int Process(string text)
            {
                var hash = 0;
                for (var i = 0; i < text.Length; i++)
                {
                    hash = unchecked(hash * 31 + text[i]);
                }

                return hash;
            }
        }

        public sealed class Client__N__
        {
            private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
            private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

            public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
            {
                var attempt = 0;
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket { Options = { KeepAliveInterval = TimeSpan.FromSeconds(15), KeepAliveTimeout = TimeSpan.FromSeconds(30) } };
                    try
                    {
                        await socket.ConnectAsync(uri, cancellationToken);
                        attempt = 0;
                        var buffer = new byte[1024];
                        while (socket.State == WebSocketState.Open)
                        {
                            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                            if (result.MessageType == WebSocketMessageType.Close)
                            {
                                if (result.CloseStatus == WebSocketCloseStatus.NormalClosure)
                                {
                                    return;
                                }

                                break;
                            }
                        }
                    }
                    catch (WebSocketException)
                    {
                    }

                    attempt++;
                    var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling), cancellationToken);
                }
            }
        }

        public sealed class ChatHub__N__ : Hub
        {
            private static readonly ConcurrentDictionary<string, DateTime> Online = new();

            public override Task OnConnectedAsync()
            {
                Online.TryAdd(Context.ConnectionId, DateTime.UtcNow);
                return base.OnConnectedAsync();
            }

            public override Task OnDisconnectedAsync(Exception? exception)
            {
                Online.TryRemove(Context.ConnectionId, out _);
                return base.OnDisconnectedAsync(exception);
            }

            public Task Send(string message) => Clients.All.SendAsync("message", message);
        }
        """;

    private const string DenseMistakesFile = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.SignalR;

        namespace Dense.Mistakes__N__;

        public sealed class Endpoint__N__
        {
            private static readonly ConcurrentDictionary<Guid, WebSocket> Sockets = new();
            private static readonly List<string> History = new();

            public async Task HandleAsync(HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid();
                Sockets.TryAdd(id, socket);
                var buffer = new byte[4096];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                    History.Add(text);
                    Thread.Sleep(5);
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        text = text.Trim();
                    }

                    await BroadcastAsync(text);
                }
            }

            public async Task BroadcastAsync(string text)
            {
                var payload = Encoding.UTF8.GetBytes(text);
                foreach (var socket in Sockets.Values)
                {
                    await socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
        }

        public sealed class Client__N__
        {
            private readonly ClientWebSocket _socket = new();

            public async Task RunAsync(Uri uri)
            {
                while (true)
                {
                    try
                    {
                        await _socket.ConnectAsync(uri, CancellationToken.None);
                        var buffer = new byte[1024];
                        await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    }
                    catch (WebSocketException)
                    {
                        await Task.Delay(1000);
                    }
                }
            }

            public void Ping() => _socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, CancellationToken.None);

            public Task HelloAsync() => _socket.SendAsync(new byte[2], WebSocketMessageType.Binary, true, CancellationToken.None);
        }

        public sealed class Publisher__N__
        {
            private readonly Uri _uri = new("wss://example.org/ingest");

            public async Task PublishAsync(string message, CancellationToken cancellationToken)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(_uri, cancellationToken);
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "sent", cancellationToken);
            }
        }

        public sealed class LeaveOnlyHub__N__ : Hub
        {
            private static readonly ConcurrentDictionary<string, string> Users = new();

            public override Task OnConnectedAsync()
            {
                Users[Context.ConnectionId] = Context.UserIdentifier ?? "anonymous";
                return base.OnConnectedAsync();
            }

            public void Leave() => Users.TryRemove(Context.ConnectionId, out _);
        }

        public sealed class Feed__N__
        {
            private readonly WebSocketSharp.WebSocket _ws = new("wss://example.org/feed");

            public Feed__N__()
            {
                _ws.OnClose += (sender, e) => _ws.Connect();
                _ws.OnMessage += (sender, e) => Thread.Sleep(10);
            }

            public void Say(string text) => _ws.Send(text);
        }

        public sealed class ChatHub__N__ : Hub
        {
            private static readonly HashSet<string> Online = new();

            public override Task OnConnectedAsync()
            {
                Online.Add(Context.ConnectionId);
                return base.OnConnectedAsync();
            }

            public Task Send(string message)
            {
                Task.Delay(10).Wait();
                return Clients.All.SendAsync("message", message);
            }
        }
        """;
}
