using System;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WsReliability.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the WebSocket hub to a route.</summary>
public static class WebSocketHubEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the hub registered with <c>services.AddWebSocketHub(...)</c> at <paramref name="pattern"/>. The WebSocket
    /// middleware is part of the endpoint's own pipeline, so no <c>app.UseWebSockets()</c> is needed.
    /// </summary>
    public static IEndpointConventionBuilder MapWebSocketHub(this IEndpointRouteBuilder endpoints, string pattern,
        Action<IApplicationBuilder>? configurePipeline = null)
    {
        var endpoint = endpoints.ServiceProvider.GetService<WebSocketHubEndpoint>()
            ?? throw new InvalidOperationException("Call services.AddWebSocketHub(...) before app.MapWebSocketHub(...).");
        var options = endpoints.ServiceProvider.GetRequiredService<WebSocketHub>().Options;

        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = options.KeepAliveInterval,
#if NET9_0_OR_GREATER
            KeepAliveTimeout = options.KeepAliveTimeout,
#endif
        });
        configurePipeline?.Invoke(pipeline);
        pipeline.Run(endpoint.HandleAsync);
        var handler = pipeline.Build();
        return endpoints.Map(pattern, handler).WithDisplayName("WebSocket hub " + pattern);
    }
}
