using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Configuration;
using WsAnalyzers.Configuration;
using WsAnalyzers.Core;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Configuration;

/// <summary>The keep-alive timeouts are .NET 9 APIs: the positives compile against .NET 9, and the same code against
/// .NET 8 (where the properties do not exist) reports nothing.</summary>
public sealed class WS6001NoKeepAliveTimeoutTests
{
    private static readonly RuleVerifier<ConfigurationAnalyzer, KeepAliveTimeoutCodeFixProvider> Verify = new(RuleIdentifiers.NoKeepAliveTimeout);

    private static readonly TestFramework Net9 = TestEnvironment.Net9;

    internal const string Usings = """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private const string Servers = Usings + """
        static class Servers
        {
            public static void Default(WebApplication app) => {|WS6001:app.UseWebSockets()|};

            public static void IntervalOnly(WebApplication app) =>
                {|WS6001:app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) })|};

            public static void ThroughALocal(WebApplication app)
            {
                var options = new WebSocketOptions { KeepAliveInterval = TimeSpan.FromMinutes(2) };
                options.AllowedOrigins.Add("https://chat.example.com");
                {|WS6001:app.UseWebSockets(options)|};
            }

            public static async Task AcceptAsync(HttpContext context)
            {
                using var socket = await {|WS6001:context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.FromSeconds(15) })|};
            }
        }
        """;

    private const string Clients = Usings + """
        class Clients
        {
            private readonly ClientWebSocket _socket = {|WS6001:new()|};

            public async Task LocalAsync(Uri uri, CancellationToken ct)
            {
                using var socket = {|WS6001:new ClientWebSocket()|};
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
                await socket.ConnectAsync(uri, ct);
            }

            public Task FieldAsync(Uri uri) => _socket.ConnectAsync(uri, default);

            public async Task InlineAsync(Uri uri) => await {|WS6001:new ClientWebSocket()|}.ConnectAsync(uri, default);
        }
        """;

    [Fact]
    public Task Middleware_and_accepts_without_a_timeout_are_flagged_on_net9() => Verify.VerifyAnalyzerAsync(Servers, Net9);

    [Fact]
    public Task Client_sockets_without_a_timeout_are_flagged_on_net9() => Verify.VerifyAnalyzerAsync(Clients, Net9);

    [Fact]
    public Task Nothing_is_reported_where_the_framework_has_no_keep_alive_timeout() =>
        Verify.VerifyAnalyzerAsync((Servers + Clients.Replace(Usings, string.Empty)).Replace("{|WS6001:", string.Empty).Replace(")|}", ")").Replace("new()|}", "new()"));

    [Fact]
    public Task Timeouts_set_in_initializers_statements_and_the_services_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Servers
        {
            public static void Initializer(WebApplication app) =>
                app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20), KeepAliveTimeout = TimeSpan.FromSeconds(10) });

            public static void Statement(WebApplication app)
            {
                var options = new WebSocketOptions();
                options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
                app.UseWebSockets(options);
            }

            public static void FromElsewhere(WebApplication app, WebSocketOptions options) => app.UseWebSockets(options);

            public static async Task AcceptAsync(HttpContext context)
            {
                var accept = new WebSocketAcceptContext { KeepAliveTimeout = TimeSpan.FromSeconds(10) };
                using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
                using var plain = await context.WebSockets.AcceptWebSocketAsync();
            }
        }

        class Clients
        {
            private readonly ClientWebSocket _configured = new() { Options = { KeepAliveTimeout = TimeSpan.FromSeconds(10) } };
            private ClientWebSocket? _socket;

            public async Task ConnectAsync(Uri uri)
            {
                _socket = new ClientWebSocket();
                Configure(_socket.Options);
                await _socket.ConnectAsync(uri, default);
            }

            private static void Configure(ClientWebSocketOptions options) => options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
        }

        class Statements
        {
            public async Task ConnectAsync(Uri uri)
            {
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
                await socket.ConnectAsync(uri, default);
            }
        }
        """, Net9);

    [Fact]
    public Task Timeouts_configured_through_the_services_cover_the_middleware() => Verify.CreateTest(
    [
        ("/0/Program.cs", Usings + """
            static class Program
            {
                public static void Configure(WebApplication app) => app.UseWebSockets();
            }
            """),
        ("/0/Services.cs", Usings + """
            using Microsoft.AspNetCore.WebSockets;

            static class Services
            {
                public static IServiceCollection AddChat(this IServiceCollection services) =>
                    services.AddWebSockets(options => options.KeepAliveTimeout = TimeSpan.FromSeconds(10));
            }
            """),
    ], Net9).RunAsync();

    [Fact]
    public Task Options_bound_from_configuration_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.Extensions.Configuration;

        static class Program
        {
            public static void Configure(IServiceCollection services, IConfiguration configuration, WebApplication app)
            {
                services.Configure<WebSocketOptions>(configuration.GetSection("WebSockets"));
                app.UseWebSockets();
            }
        }
        """, Net9);

    [Fact]
    public Task Sockets_handed_to_code_that_may_configure_them_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Websocket.Client;

        class Factories
        {
            public WebsocketClient Create(Uri uri) => new(uri, () => new ClientWebSocket { Options = { KeepAliveInterval = TimeSpan.FromSeconds(5) } });

            public ClientWebSocket Make() => new ClientWebSocket();

            public void Configure(Action<ClientWebSocketOptions> configure)
            {
                var socket = new ClientWebSocket();
                configure(socket.Options);
            }

            public void Wrap() => new Wrapper(new ClientWebSocket());
        }

        class Wrapper
        {
            public Wrapper(ClientWebSocket socket) { }
        }
        """, Net9);

    /// <summary>The cancellation source is recognised by its type, not its name: the type name is bound on its own
    /// (aliases apply), a target-typed <c>new</c> is bound, and a look-alike type of another name is not one.</summary>
    [Fact]
    public Task A_receive_timeout_is_recognised_through_aliases_and_target_typed_sources() => Verify.VerifyAnalyzerAsync("""
        using Cts = System.Threading.CancellationTokenSource;

        """ + Usings + """
        class AliasedSource
        {
            public async Task RunAsync(Uri uri)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, default);
                using var idle = new Cts(TimeSpan.FromSeconds(45));
                await socket.ReceiveAsync(new byte[1024], idle.Token);
            }
        }

        class TargetTypedSource
        {
            public async Task RunAsync(Uri uri)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, default);
                using CancellationTokenSource idle = new(TimeSpan.FromSeconds(45));
                await socket.ReceiveAsync(new byte[1024], idle.Token);
            }
        }

        class LookAlikeSource
        {
            public async Task RunAsync(Uri uri)
            {
                using var socket = {|WS6001:new ClientWebSocket()|};
                await socket.ConnectAsync(uri, default);
                var idle = new TokenSource(TimeSpan.FromSeconds(45));
                await socket.ReceiveAsync(new byte[1024], idle.Token);
            }
        }

        class TokenSource
        {
            public TokenSource(TimeSpan delay) { }

            public CancellationToken Token => default;
        }
        """, Net9);

    [Fact]
    public Task An_application_heartbeat_with_a_reply_timeout_counts_as_a_keep_alive() => Verify.VerifyAnalyzerAsync(Usings + """
        class HeartbeatClient
        {
            private readonly ClientWebSocket _socket = new();
            private DateTime _lastPong = DateTime.UtcNow;

            public async Task WatchAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), ct);
                    if (DateTime.UtcNow - _lastPong > TimeSpan.FromSeconds(30))
                    {
                        _socket.Abort();
                        return;
                    }

                    await _socket.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, true, ct);
                }
            }
        }

        class ReceiveTimeoutClient
        {
            public async Task RunAsync(Uri uri)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, default);
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    using var idle = new CancellationTokenSource();
                    idle.CancelAfter(TimeSpan.FromSeconds(45));
                    await socket.ReceiveAsync(buffer, idle.Token);
                }
            }
        }
        """, Net9);

    [Fact]
    public Task The_fix_sets_the_timeout_where_the_options_are_made() => Verify.VerifyCodeFixAsync(Usings + """
        static class Servers
        {
            public static void Default(WebApplication app) => {|WS6001:app.UseWebSockets()|};

            public static void ThroughALocal(WebApplication app)
            {
                var options = new WebSocketOptions { KeepAliveInterval = TimeSpan.FromMinutes(2) };
                {|WS6001:app.UseWebSockets(options)|};
            }
        }

        class Clients
        {
            private readonly ClientWebSocket _socket = {|WS6001:new()|};
            private readonly ClientWebSocket _other = {|WS6001:new ClientWebSocket { Options = { KeepAliveInterval = TimeSpan.FromSeconds(10) } }|};

            public async Task LocalAsync(Uri uri, CancellationToken ct)
            {
                using var socket = {|WS6001:new ClientWebSocket()|};
                await socket.ConnectAsync(uri, ct);
            }
        }
        """, Usings + """
        static class Servers
        {
            public static void Default(WebApplication app) => app.UseWebSockets(new WebSocketOptions { KeepAliveTimeout = TimeSpan.FromSeconds(30) });

            public static void ThroughALocal(WebApplication app)
            {
                var options = new WebSocketOptions { KeepAliveInterval = TimeSpan.FromMinutes(2), KeepAliveTimeout = TimeSpan.FromSeconds(30) };
                app.UseWebSockets(options);
            }
        }

        class Clients
        {
            private readonly ClientWebSocket _socket = new() { Options = { KeepAliveTimeout = TimeSpan.FromSeconds(30) } };
            private readonly ClientWebSocket _other = new ClientWebSocket { Options = { KeepAliveInterval = TimeSpan.FromSeconds(10), KeepAliveTimeout = TimeSpan.FromSeconds(30) } };

            public async Task LocalAsync(Uri uri, CancellationToken ct)
            {
                using var socket = new ClientWebSocket() { Options = { KeepAliveTimeout = TimeSpan.FromSeconds(30) } };
                await socket.ConnectAsync(uri, ct);
            }
        }
        """, Net9);

    [Fact]
    public Task The_fix_sets_the_timeout_of_an_accept_context() => Verify.VerifyCodeFixAsync(Usings + """
        static class Accepts
        {
            public static async Task AcceptAsync(HttpContext context)
            {
                using var socket = await {|WS6001:context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext())|};
            }

            public static async Task ThroughALocalAsync(HttpContext context)
            {
                var accept = new WebSocketAcceptContext { SubProtocol = "chat" };
                using var socket = await {|WS6001:context.WebSockets.AcceptWebSocketAsync(accept)|};
            }
        }
        """, Usings + """
        static class Accepts
        {
            public static async Task AcceptAsync(HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext() { KeepAliveTimeout = TimeSpan.FromSeconds(30) });
            }

            public static async Task ThroughALocalAsync(HttpContext context)
            {
                var accept = new WebSocketAcceptContext { SubProtocol = "chat", KeepAliveTimeout = TimeSpan.FromSeconds(30) };
                using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
            }
        }
        """, Net9);

    [Fact]
    public Task No_fix_replaces_options_configured_through_the_services() => Verify.CreateTest(Usings + """
        static class Program
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.Configure<WebSocketOptions>(options => options.KeepAliveInterval = TimeSpan.FromSeconds(20));
                {|WS6001:app.UseWebSockets()|};
            }
        }
        """, Usings + """
        static class Program
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.Configure<WebSocketOptions>(options => options.KeepAliveInterval = TimeSpan.FromSeconds(20));
                {|WS6001:app.UseWebSockets()|};
            }
        }
        """, Net9).RunAsync();
}
