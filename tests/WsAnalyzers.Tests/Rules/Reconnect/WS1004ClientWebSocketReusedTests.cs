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
    public Task No_fix_for_readonly_fields_or_using_locals()
    {
        var source = Usings + """
            class Client
            {
                private readonly ClientWebSocket _socket = new();

                public async Task LoopAsync(Uri uri, CancellationToken ct)
                {
                    using var socket = new ClientWebSocket();
                    while (!ct.IsCancellationRequested)
                    {
                        await {|WS1004:_socket.ConnectAsync(uri, ct)|};
                        await {|WS1004:socket.ConnectAsync(uri, ct)|};
                    }
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source);
    }
}
