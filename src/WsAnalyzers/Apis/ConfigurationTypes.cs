using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Apis;

/// <summary>
/// The options, URI, header and authentication types the configuration and security rules (WS6xxx) look at, resolved
/// once per compilation through <see cref="WebSocketApis.Configuration"/>. The keep-alive timeouts are members .NET 9
/// added: <see cref="ClientKeepAliveTimeout"/> and its siblings are null when the compilation's framework lacks them.
/// </summary>
internal sealed class ConfigurationTypes
{
    public const string KeepAliveTimeoutName = "KeepAliveTimeout";

    public ConfigurationTypes(MetadataTypes types)
    {
        WebSocketOptions = types.Find("Microsoft.AspNetCore.Builder.WebSocketOptions");
        WebSocketMiddlewareExtensions = types.Find("Microsoft.AspNetCore.Builder.WebSocketMiddlewareExtensions");
        WebSocketsDependencyInjectionExtensions = types.Find("Microsoft.AspNetCore.WebSockets.WebSocketsDependencyInjectionExtensions");
        WebSocketAcceptContext = types.Find("Microsoft.AspNetCore.Http.WebSocketAcceptContext");
        ClientWebSocketOptions = types.Find("System.Net.WebSockets.ClientWebSocketOptions");
        ServerKeepAliveTimeout = Property(WebSocketOptions, KeepAliveTimeoutName);
        AcceptKeepAliveTimeout = Property(WebSocketAcceptContext, KeepAliveTimeoutName);
        ClientKeepAliveTimeout = Property(ClientWebSocketOptions, KeepAliveTimeoutName);
        AllowedOrigins = Property(WebSocketOptions, "AllowedOrigins");

        Uri = types.Find("System.Uri");
        UriBuilder = types.Find("System.UriBuilder");
        HeaderDictionary = types.Find("Microsoft.AspNetCore.Http.IHeaderDictionary");
        HeaderNames = types.Find("Microsoft.Net.Http.Headers.HeaderNames");

        AuthorizeData = types.Find("Microsoft.AspNetCore.Authorization.IAuthorizeData");
        AllowAnonymous = types.Find("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
        AuthorizationEndpointExtensions = types.Find("Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
        AuthorizationOptions = types.Find("Microsoft.AspNetCore.Authorization.AuthorizationOptions");
        Identity = types.Find("System.Security.Principal.IIdentity");
        AuthenticationExtensions = types.Find("Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions");
        CookieExtensions = types.Find("Microsoft.Extensions.DependencyInjection.CookieExtensions");
        IdentityExtensions = types.Find("Microsoft.Extensions.DependencyInjection.IdentityServiceCollectionExtensions");
        IdentityUIExtensions = types.Find("Microsoft.Extensions.DependencyInjection.IdentityServiceCollectionUIExtensions");
        IdentityCookieExtensions = types.Find("Microsoft.AspNetCore.Identity.IdentityCookieAuthenticationBuilderExtensions");
        NegotiateExtensions = types.Find("Microsoft.Extensions.DependencyInjection.NegotiateExtensions");

        HubConnectionBuilderHttpExtensions = types.Find("Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilderHttpExtensions");
        SharpWebSocketServer = types.Find("WebSocketSharp.Server.WebSocketServer");
        SharpHttpServer = types.Find("WebSocketSharp.Server.HttpServer");

        DateTime = types.Find("System.DateTime");
        DateTimeOffset = types.Find("System.DateTimeOffset");
        Stopwatch = types.Find("System.Diagnostics.Stopwatch");
        Environment = types.Find("System.Environment");
        CancellationTokenSource = types.Find("System.Threading.CancellationTokenSource");
    }

    // Keep-alive (WS6001)
    public INamedTypeSymbol? WebSocketOptions { get; }
    public INamedTypeSymbol? WebSocketMiddlewareExtensions { get; }
    public INamedTypeSymbol? WebSocketsDependencyInjectionExtensions { get; }
    public INamedTypeSymbol? WebSocketAcceptContext { get; }
    public INamedTypeSymbol? ClientWebSocketOptions { get; }
    public IPropertySymbol? ServerKeepAliveTimeout { get; }
    public IPropertySymbol? AcceptKeepAliveTimeout { get; }
    public IPropertySymbol? ClientKeepAliveTimeout { get; }

    // Endpoints (WS6002)
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? UriBuilder { get; }
    public INamedTypeSymbol? HubConnectionBuilderHttpExtensions { get; }
    public INamedTypeSymbol? SharpWebSocketServer { get; }
    public INamedTypeSymbol? SharpHttpServer { get; }

    // Origin checks and authentication (WS6003)
    public IPropertySymbol? AllowedOrigins { get; }
    public INamedTypeSymbol? HeaderDictionary { get; }
    public INamedTypeSymbol? HeaderNames { get; }
    public INamedTypeSymbol? AuthorizeData { get; }
    public INamedTypeSymbol? AllowAnonymous { get; }
    public INamedTypeSymbol? AuthorizationEndpointExtensions { get; }
    public INamedTypeSymbol? AuthorizationOptions { get; }
    public INamedTypeSymbol? Identity { get; }
    public INamedTypeSymbol? AuthenticationExtensions { get; }
    public INamedTypeSymbol? CookieExtensions { get; }
    public INamedTypeSymbol? IdentityExtensions { get; }
    public INamedTypeSymbol? IdentityUIExtensions { get; }
    public INamedTypeSymbol? IdentityCookieExtensions { get; }
    public INamedTypeSymbol? NegotiateExtensions { get; }

    // Time, for application heartbeats with a reply timeout
    public INamedTypeSymbol? DateTime { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? Stopwatch { get; }
    public INamedTypeSymbol? Environment { get; }
    public INamedTypeSymbol? CancellationTokenSource { get; }

    private static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property)
            {
                return property;
            }
        }

        return null;
    }
}
