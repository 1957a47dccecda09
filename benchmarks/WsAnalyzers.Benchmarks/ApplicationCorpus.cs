using System.Collections.Generic;
using System.Globalization;

namespace WsAnalyzers.Benchmarks;

/// <summary>
/// The shape of a large application with WebSockets in one corner: thousands of files of ordinary code (controllers,
/// services, repositories, background workers, LINQ reports; blocking waits, retry loops, collections, and method names
/// such as SendAsync, ConnectAsync, Start or Reconnect on types that are not WebSockets), and a handful of files that use
/// WebSockets: an ASP.NET Core endpoint with a receive loop, a reconnecting client and a SignalR hub.
/// </summary>
internal static class ApplicationCorpus
{
    public static IReadOnlyList<(string Path, string Text)> Sparse(int files)
    {
        var templates = new[] { ("Controllers/OrdersController", Controller), ("Workers/SyncWorker", Worker), ("Data/Repository", Repository), ("Reports/Report", Report), ("Integrations/Gateway", Gateway) };
        var sources = new List<(string, string)>(files + 8);
        for (var i = 0; i < files; i++)
        {
            var (path, text) = templates[i % templates.Length];
            var n = i.ToString(CultureInfo.InvariantCulture);
            sources.Add(($"App/{path}{n}.cs", text.Replace("__N__", n)));
        }

        // The WebSocket corner: one correct file and one with the mistakes every rule catches (endpoint, client, hub).
        foreach (var (path, text) in Corpus.WebSocketDense(1))
        {
            sources.Add(("App/RealTime/" + path, text));
        }

        return sources;
    }

    private const string Controller = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        namespace App.Controllers.N__N__;

        public sealed record OrderDto__N__(int Id, string Customer, decimal Amount, string Status);

        [ApiController]
        [Route("api/orders/__N__")]
        public sealed class OrdersController__N__ : ControllerBase
        {
            private static readonly List<OrderDto__N__> Orders = new();
            private readonly HttpClient _http;

            public OrdersController__N__(HttpClient http) => _http = http;

            [HttpGet]
            public IEnumerable<OrderDto__N__> Get(string? customer, int page = 0) =>
                Orders.Where(o => customer is null || o.Customer == customer).OrderBy(o => o.Id).Skip(page * 20).Take(20);

            [HttpPost]
            public async Task<IActionResult> PostAsync(OrderDto__N__ order, CancellationToken cancellationToken)
            {
                if (string.IsNullOrWhiteSpace(order.Customer))
                {
                    return BadRequest("customer required");
                }

                Orders.Add(order with { Id = Orders.Count + 1, Status = "new" });
                using var request = new HttpRequestMessage(HttpMethod.Post, "https://billing.example/api/charge") { Content = new StringContent(order.Amount.ToString()) };
                using var response = await _http.SendAsync(request, cancellationToken);
                return response.IsSuccessStatusCode ? Ok(order) : StatusCode(502);
            }

            [HttpGet("summary")]
            public IActionResult Summary()
            {
                var byStatus = Orders.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Sum(o => o.Amount));
                var total = 0m;
                foreach (var pair in byStatus)
                {
                    total += pair.Value;
                }

                return Ok(new { byStatus, total });
            }

            [HttpGet("legacy")]
            public string Legacy()
            {
                var body = _http.GetStringAsync("https://legacy.example/orders").Result;
                return body.Length > 100 ? body.Substring(0, 100) : body;
            }
        }
        """;

    private const string Worker = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        namespace App.Workers.N__N__;

        public interface IFeed__N__
        {
            Task ConnectAsync(Uri endpoint, CancellationToken cancellationToken);
            Task<string?> ReadAsync(CancellationToken cancellationToken);
            void Start();
            void Reconnect();
        }

        public sealed class SyncWorker__N__ : BackgroundService
        {
            private readonly IFeed__N__ _feed;
            private readonly ILogger<SyncWorker__N__> _logger;
            private readonly ConcurrentQueue<string> _pending = new();
            private readonly List<string> _processed = new();

            public SyncWorker__N__(IFeed__N__ feed, ILogger<SyncWorker__N__> logger)
            {
                _feed = feed;
                _logger = logger;
            }

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                var attempt = 0;
                while (!stoppingToken.IsCancellationRequested)
                {
                    try
                    {
                        await _feed.ConnectAsync(new Uri("https://feed.example/__N__"), stoppingToken);
                        attempt = 0;
                        while (await _feed.ReadAsync(stoppingToken) is { } item)
                        {
                            _pending.Enqueue(item);
                            Drain();
                        }
                    }
                    catch (TimeoutException e)
                    {
                        _logger.LogWarning(e, "feed timed out");
                        await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt++, 5))), stoppingToken);
                    }
                }
            }

            private void Drain()
            {
                while (_pending.TryDequeue(out var item))
                {
                    _processed.Add(item);
                    if (_processed.Count > 1000)
                    {
                        _processed.RemoveRange(0, 500);
                    }
                }
            }

            public void RestartBlocking()
            {
                Thread.Sleep(250);
                _feed.Reconnect();
                Task.Delay(100).Wait();
                _feed.Start();
                var item = _feed.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
                if (item is not null)
                {
                    _processed.Add(item);
                }
            }
        }
        """;

    private const string Repository = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace App.Data.N__N__;

        public sealed class Customer__N__
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public List<string> Tags { get; } = new();
        }

        public sealed class Repository__N__
        {
            private static readonly ConcurrentDictionary<int, Customer__N__> Store = new();
            private readonly Dictionary<string, int> _byName = new(StringComparer.OrdinalIgnoreCase);
            private readonly object _gate = new();

            public Customer__N__ Add(string name)
            {
                lock (_gate)
                {
                    var customer = new Customer__N__ { Id = Store.Count + 1, Name = name };
                    Store[customer.Id] = customer;
                    _byName[name] = customer.Id;
                    return customer;
                }
            }

            public bool Remove(int id)
            {
                lock (_gate)
                {
                    if (!Store.TryRemove(id, out var customer))
                    {
                        return false;
                    }

                    _byName.Remove(customer.Name);
                    return true;
                }
            }

            public Customer__N__? Find(string name) => _byName.TryGetValue(name, out var id) && Store.TryGetValue(id, out var c) ? c : null;

            public IReadOnlyList<Customer__N__> Tagged(string tag) => Store.Values.Where(c => c.Tags.Contains(tag)).OrderBy(c => c.Name).ToList();

            public Task<int> CountAsync() => Task.FromResult(Store.Count);

            public int CountBlocking() => CountAsync().Result;
        }
        """;

    private const string Report = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;

        namespace App.Reports.N__N__;

        public static class Report__N__
        {
            public static string Render(IReadOnlyList<(string Region, int Month, decimal Revenue)> rows)
            {
                var builder = new StringBuilder();
                var regions = rows.Select(r => r.Region).Distinct().OrderBy(r => r).ToList();
                for (var month = 1; month <= 12; month++)
                {
                    builder.Append(month.ToString("00", CultureInfo.InvariantCulture));
                    for (var r = 0; r < regions.Count; r++)
                    {
                        var sum = 0m;
                        foreach (var row in rows)
                        {
                            if (row.Month == month && row.Region == regions[r])
                            {
                                sum += row.Revenue;
                            }
                        }

                        builder.Append(';').Append(sum.ToString(CultureInfo.InvariantCulture));
                    }

                    builder.AppendLine();
                }

                return builder.ToString();
            }

            public static decimal[,] Matrix(int size)
            {
                var matrix = new decimal[size, size];
                for (var i = 0; i < size; i++)
                {
                    for (var j = 0; j < size; j++)
                    {
                        matrix[i, j] = i * j;
                    }
                }

                return matrix;
            }

            public static IEnumerable<string> TopCustomers(IEnumerable<(string Customer, decimal Amount)> sales, int count) =>
                sales.GroupBy(s => s.Customer).Select(g => (g.Key, Total: g.Sum(s => s.Amount))).OrderByDescending(x => x.Total).Take(count).Select(x => x.Key);
        }
        """;

    private const string Gateway = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace App.Integrations.N__N__;

        public sealed class Gateway__N__ : IDisposable
        {
            private readonly HttpClient _client = new();
            private readonly List<Action<string>> _listeners = new();
            private TcpClient? _tcp;

            public event EventHandler<string>? Closed;

            public void Subscribe(Action<string> listener) => _listeners.Add(listener);

            public async Task ConnectAsync(string host, int port, CancellationToken cancellationToken)
            {
                for (var attempt = 1; attempt <= 5; attempt++)
                {
                    try
                    {
                        _tcp = new TcpClient();
                        await _tcp.ConnectAsync(host, port, cancellationToken);
                        return;
                    }
                    catch (SocketException) when (attempt < 5)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt + Random.Shared.Next(100)), cancellationToken);
                    }
                }
            }

            public async Task<string> SendAsync(string path, CancellationToken cancellationToken)
            {
                using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://partner.example/" + path), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                foreach (var listener in _listeners)
                {
                    listener(body);
                }

                return body;
            }

            public void OnDisconnected()
            {
                Closed?.Invoke(this, "disconnected");
                _ = ConnectAsync("partner.example", 443, CancellationToken.None);
            }

            public void Dispose()
            {
                _tcp?.Dispose();
                _client.Dispose();
            }
        }
        """;
}
