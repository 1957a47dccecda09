using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Reconnect;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

public sealed class WS1004ClientWebSocketReusedTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, ClientWebSocketReusedCodeFixProvider> Verify = new(RuleIdentifiers.ClientWebSocketReused);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings;

    [Fact]
    public Task Reused_fields_properties_parameters_and_loop_external_locals_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private readonly ClientWebSocket _socket = new();

            public ClientWebSocket Socket { get; set; } = new();

            public async Task LoopAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        await {|WS1004:_socket.ConnectAsync(_uri, ct)|};
                    }
                    catch (WebSocketException)
                    {
                        await Task.Delay(1000, ct);
                    }
                }
            }

            public async Task CatchAsync()
            {
                try
                {
                    await Socket.ConnectAsync(_uri, default);
                }
                catch (WebSocketException)
                {
                    await {|WS1004:Socket.ConnectAsync(_uri, default)|};
                }
            }

            public async Task FailoverAsync(Uri[] endpoints)
            {
                var socket = new ClientWebSocket();
                foreach (var endpoint in endpoints)
                {
                    try
                    {
                        await {|WS1004:socket.ConnectAsync(endpoint, default)|};
                        return;
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }

            public async Task RetryParameterAsync(ClientWebSocket socket)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try { await {|WS1004:socket.ConnectAsync(_uri, default)|}; return; }
                    catch (WebSocketException) { await Task.Delay(100); }
                }
            }

            public async Task ReceiveFailedAsync(CancellationToken ct)
            {
                try
                {
                    await _socket.ReceiveAsync(new ArraySegment<byte>(new byte[16]), ct);
                }
                catch (WebSocketException)
                {
                    await {|WS1004:_socket.ConnectAsync(_uri, ct)|};
                }
            }
        }
        """);

    [Fact]
    public Task Fresh_instances_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private ClientWebSocket _socket = new();

            public async Task LoopAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    _socket.Dispose();
                    _socket = new ClientWebSocket();
                    await _socket.ConnectAsync(_uri, ct);
                }
            }

            public async Task LocalPerAttemptAsync(CancellationToken ct)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    using var socket = new ClientWebSocket();
                    try { await socket.ConnectAsync(_uri, ct); return; }
                    catch (WebSocketException) { await Task.Delay(100, ct); }
                }
            }

            public async Task HelperReplacesAsync()
            {
                try
                {
                    await _socket.ConnectAsync(_uri, default);
                }
                catch (WebSocketException)
                {
                    Reset();
                    await _socket.ConnectAsync(_uri, default);
                }
            }

            public async Task OnceAsync()
            {
                await _socket.ConnectAsync(_uri, default);
            }

            public async Task EitherEndpointAsync(bool primary, Uri backup)
            {
                if (primary)
                {
                    await _socket.ConnectAsync(_uri, default);
                }
                else
                {
                    await _socket.ConnectAsync(backup, default);
                }
            }

            public async Task BySchemeAsync(Uri backup)
            {
                switch (backup.Scheme)
                {
                    case "wss": await _socket.ConnectAsync(backup, default); break;
                    default: await _socket.ConnectAsync(_uri, default); break;
                }
            }

            private void Reset()
            {
                _socket.Dispose();
                _socket = new ClientWebSocket();
            }
        }
        """);

    [Fact]
    public Task Fix_All_creates_a_new_instance_before_each_connect() => Verify.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private ClientWebSocket _socket = new();

            public async Task LoopAsync(CancellationToken ct)
            {
                var socket = new ClientWebSocket();
                while (!ct.IsCancellationRequested)
                {
                    await {|WS1004:socket.ConnectAsync(_uri, ct)|};
                    await Task.Delay(1000, ct);
                }
            }

            public async Task CatchAsync()
            {
                try
                {
                    await _socket.ConnectAsync(_uri, default);
                }
                catch (WebSocketException)
                {
                    // second attempt
                    await {|WS1004:_socket.ConnectAsync(_uri, default)|}.ConfigureAwait(false);
                }
            }
        }
        """, Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private ClientWebSocket _socket = new();

            public async Task LoopAsync(CancellationToken ct)
            {
                var socket = new ClientWebSocket();
                while (!ct.IsCancellationRequested)
                {
                    socket?.Dispose();
                    socket = new ClientWebSocket();
                    await socket.ConnectAsync(_uri, ct);
                    await Task.Delay(1000, ct);
                }
            }

            public async Task CatchAsync()
            {
                try
                {
                    await _socket.ConnectAsync(_uri, default);
                }
                catch (WebSocketException)
                {
                    // second attempt
                    _socket?.Dispose();
                    _socket = new ClientWebSocket();
                    await _socket.ConnectAsync(_uri, default).ConfigureAwait(false);
                }
            }
        }
        """);

    [Fact]
    public Task A_readonly_socket_connected_again_in_a_reconnect_method_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private readonly ClientWebSocket _socket = new();
            private static readonly ClientWebSocket Shared = new();

            public ClientWebSocket Feed { get; } = new();

            public async Task ConnectAsync(CancellationToken ct)
            {
                await {|WS1004:_socket.ConnectAsync(_uri, ct)|};
                _ = ReceiveLoopAsync(ct);
            }

            private async Task ReceiveLoopAsync(CancellationToken ct)
            {
                try
                {
                    var buffer = new byte[1024];
                    while (_socket.State == WebSocketState.Open)
                    {
                        await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    }
                }
                catch (WebSocketException)
                {
                    await Task.Delay(1000, ct);
                    await ConnectAsync(ct);
                }
            }

            public async Task ReconnectAsync(CancellationToken ct)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", ct);
                await {|WS1004:_socket.ConnectAsync(_uri, ct)|};
            }

            public async Task RunFeedAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await StartFeedAsync(ct);
                    await Task.Delay(1000, ct);
                }
            }

            private Task StartFeedAsync(CancellationToken ct) => OpenFeedAsync(ct);

            private async Task OpenFeedAsync(CancellationToken ct)
            {
                await {|WS1004:Feed.ConnectAsync(_uri, ct)|};
            }

            public static void Wire(WebSocketSharp.WebSocket trigger)
            {
                trigger.OnClose += (sender, e) => OpenShared();
            }

            private static void OpenShared() => {|WS1004:Shared.ConnectAsync(new Uri("wss://example.org"), default)|}.Wait();
        }
        """);

    [Fact]
    public Task A_readonly_socket_connected_once_or_on_another_instance_is_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private readonly ClientWebSocket _socket = new();

            public async Task ConnectAsync(CancellationToken ct)
            {
                await _socket.ConnectAsync(_uri, ct);
            }

            public static async Task ConnectAllAsync(Client[] clients, CancellationToken ct)
            {
                foreach (var client in clients)
                {
                    try
                    {
                        await client.ConnectAsync(ct);
                    }
                    catch (WebSocketException)
                    {
                        await Task.Delay(100, ct);
                    }
                }
            }

            public async Task DisposeAsync()
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", default);
                _socket.Dispose();
            }
        }
        """);

    [Fact]
    public Task Fix_makes_a_readonly_field_or_get_only_property_assignable_and_keeps_its_options() => Verify.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private readonly ClientWebSocket _socket = new();
            private readonly string _token = "secret";

            public ClientWebSocket Feed { get; } = new();

            public Client()
            {
                _socket.Options.SetRequestHeader("Authorization", "Bearer " + _token);
                _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
            }

            public async Task LoopAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await {|WS1004:_socket.ConnectAsync(_uri, ct)|};
                    await {|WS1004:Feed.ConnectAsync(_uri, ct)|};
                    await Task.Delay(1000, ct);
                }
            }
        }
        """, Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private ClientWebSocket _socket = new();
            private readonly string _token = "secret";

            public ClientWebSocket Feed { get; private set; } = new();

            public Client()
            {
                _socket.Options.SetRequestHeader("Authorization", "Bearer " + _token);
                _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
            }

            public async Task LoopAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    _socket?.Dispose();
                    _socket = new ClientWebSocket();
                    _socket.Options.SetRequestHeader("Authorization", "Bearer " + _token);
                    _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                    await _socket.ConnectAsync(_uri, ct);
                    Feed?.Dispose();
                    Feed = new ClientWebSocket();
                    await Feed.ConnectAsync(_uri, ct);
                    await Task.Delay(1000, ct);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_copies_the_options_set_up_before_the_loop() => Verify.VerifyCodeFixAsync(Usings + """
        class Client
        {
            public async Task LoopAsync(Uri uri, string token, CancellationToken ct)
            {
                var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("Authorization", token);
                while (!ct.IsCancellationRequested)
                {
                    await {|WS1004:socket.ConnectAsync(uri, ct)|};
                    await Task.Delay(1000, ct);
                }
            }
        }
        """, Usings + """
        class Client
        {
            public async Task LoopAsync(Uri uri, string token, CancellationToken ct)
            {
                var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("Authorization", token);
                while (!ct.IsCancellationRequested)
                {
                    socket?.Dispose();
                    socket = new ClientWebSocket();
                    socket.Options.SetRequestHeader("Authorization", token);
                    await socket.ConnectAsync(uri, ct);
                    await Task.Delay(1000, ct);
                }
            }
        }
        """);

    [Fact]
    public Task No_fix_for_using_locals_parameters_or_options_the_fix_cannot_repeat()
    {
        var source = Usings + """
            class Client
            {
                private readonly ClientWebSocket _configured = new();

                public Client(string token)
                {
                    _configured.Options.SetRequestHeader("Authorization", token);
                }

                public async Task LoopAsync(Uri uri, ClientWebSocket given, CancellationToken ct)
                {
                    using var socket = new ClientWebSocket();
                    while (!ct.IsCancellationRequested)
                    {
                        await {|WS1004:socket.ConnectAsync(uri, ct)|};
                        await {|WS1004:given.ConnectAsync(uri, ct)|};
                        await {|WS1004:_configured.ConnectAsync(uri, ct)|};
                    }
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source);
    }
}
