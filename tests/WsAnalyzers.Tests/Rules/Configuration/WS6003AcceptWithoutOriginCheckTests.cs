using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Configuration;
using WsAnalyzers.Core;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Configuration;

public sealed class WS6003AcceptWithoutOriginCheckTests
{
    private static readonly RuleVerifier<ConfigurationAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.AcceptWithoutOriginCheck);

    internal const string Usings = """
        using System;
        using System.Linq;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public Task Accepts_in_endpoints_middleware_and_controllers_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.UseWebSockets();
                app.Map("/ws", async (HttpContext context) =>
                {
                    using var socket = await {|WS6003:context.WebSockets.AcceptWebSocketAsync()|};
                });
                app.Use(async (context, next) =>
                {
                    if (context.WebSockets.IsWebSocketRequest)
                    {
                        using var socket = await {|WS6003:context.WebSockets.AcceptWebSocketAsync("chat")|};
                        return;
                    }

                    await next();
                });
            }
        }

        public class SocketController : ControllerBase
        {
            [HttpGet("/feed")]
            public async Task Get()
            {
                using var socket = await {|WS6003:HttpContext.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext())|};
            }
        }
        """);

    [Fact]
    public Task Cookie_and_windows_authentication_do_not_protect_the_endpoint() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.Authentication.Cookies;

        static class Program
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                app.Map("/ws", [Authorize] async (HttpContext context) =>
                {
                    using var socket = await {|WS6003:context.WebSockets.AcceptWebSocketAsync()|};
                });
                app.Map("/ws2", async (HttpContext context) =>
                {
                    using var socket = await {|WS6003:context.WebSockets.AcceptWebSocketAsync()|};
                }).RequireAuthorization();
            }
        }

        [Authorize(AuthenticationSchemes = "Cookies")]
        public class CookieController : ControllerBase
        {
            [HttpGet("/cookie")]
            public async Task Get() => await {|WS6003:HttpContext.WebSockets.AcceptWebSocketAsync()|};
        }
        """);

    [Fact]
    public Task An_anonymous_action_of_an_authorized_controller_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        [Authorize(AuthenticationSchemes = "Bearer")]
        public class FeedController : ControllerBase
        {
            [AllowAnonymous]
            [HttpGet("/public")]
            public async Task Public() => await {|WS6003:HttpContext.WebSockets.AcceptWebSocketAsync()|};

            [HttpGet("/private")]
            public async Task Private() => await HttpContext.WebSockets.AcceptWebSocketAsync();
        }
        """);

    [Fact]
    public Task Allowed_origins_set_anywhere_in_the_project_protect_every_accept() => Verify.CreateTest(
    [
        ("/0/Program.cs", Usings + """
            static class Program
            {
                public static void Configure(WebApplication app, string origin)
                {
                    var options = new WebSocketOptions();
                    options.AllowedOrigins.Add(origin);
                    app.UseWebSockets(options);
                }
            }
            """),
        ("/0/Handler.cs", Usings + """
            static class Handler
            {
                public static async Task HandleAsync(HttpContext context)
                {
                    using var socket = await context.WebSockets.AcceptWebSocketAsync();
                }
            }
            """),
    ]).RunAsync();

    [Fact]
    public Task Allowed_origins_in_an_initializer_protect_and_a_wildcard_does_not() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Wildcard
        {
            public static void Configure(WebApplication app)
            {
                app.UseWebSockets(new WebSocketOptions { AllowedOrigins = { "*" } });
                app.Map("/ws", async (HttpContext context) => await {|WS6003:context.WebSockets.AcceptWebSocketAsync()|});
            }
        }
        """);

    [Fact]
    public Task Allowed_origins_in_an_initializer_protect() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Listed
        {
            public static void Configure(WebApplication app)
            {
                app.UseWebSockets(new WebSocketOptions { AllowedOrigins = { "https://chat.example.com" } });
                app.Map("/ws", async (HttpContext context) => await context.WebSockets.AcceptWebSocketAsync());
            }
        }
        """);

    [Theory]
    [InlineData("context.Request.Headers.Origin")]
    [InlineData("context.Request.Headers[\"Origin\"]")]
    [InlineData("context.Request.Headers[Microsoft.Net.Http.Headers.HeaderNames.Origin]")]
    [InlineData("(context.Request.Headers.TryGetValue(\"origin\", out var value) ? value : default)")]
    public Task An_origin_header_check_protects(string read) => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Checked
        {
            private static readonly string[] Allowed = { "https://chat.example.com" };

            public static async Task HandleAsync(HttpContext context)
            {
                string? origin = {{read}};
                if (!Allowed.Contains(origin))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                using var socket = await context.WebSockets.AcceptWebSocketAsync();
            }
        }
        """);

    [Fact]
    public Task Bearer_token_endpoints_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Program
        {
            public static void Configure(WebApplication app)
            {
                app.Map("/a", [Authorize] async (HttpContext context) => await context.WebSockets.AcceptWebSocketAsync());
                app.Map("/b", async (HttpContext context) => await context.WebSockets.AcceptWebSocketAsync()).RequireAuthorization().WithName("b");
                app.Map("/c", async (HttpContext context) => await context.WebSockets.AcceptWebSocketAsync())
                   .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "Bearer" });
                var group = app.MapGroup("/secure").RequireAuthorization();
                group.Map("/d", async (HttpContext context) => await context.WebSockets.AcceptWebSocketAsync());
                app.Use(async (HttpContext context, RequestDelegate next) =>
                {
                    if (context.User.Identity?.IsAuthenticated != true)
                    {
                        context.Response.StatusCode = 401;
                        return;
                    }

                    await context.WebSockets.AcceptWebSocketAsync();
                });
            }
        }

        [Authorize]
        public class TokenController : ControllerBase
        {
            [HttpGet("/token")]
            public async Task Get() => await HttpContext.WebSockets.AcceptWebSocketAsync();
        }
        """);

    [Fact]
    public Task A_bearer_scheme_named_on_the_endpoint_protects_it_even_with_cookies_registered() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Program
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddAuthentication().AddCookie();
                app.Map("/ws", [Authorize(AuthenticationSchemes = "Bearer")] async (HttpContext context) => await context.WebSockets.AcceptWebSocketAsync());
            }
        }
        """);

    [Fact]
    public Task Look_alike_accepts_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class FakeManager
        {
            public Task<WebSocket> AcceptWebSocketAsync() => throw new NotImplementedException();
        }

        static class Listener
        {
            public static async Task Run(System.Net.HttpListenerContext context, FakeManager fake)
            {
                await context.AcceptWebSocketAsync(null);
                await fake.AcceptWebSocketAsync();
            }
        }
        """);
}
