using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WsReliability.AspNetCore;
using WsReliability.AspNetCore.Liveness;

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
        var time = endpoints.ServiceProvider.GetRequiredService<TimeProvider>();

        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.Use((context, next) =>
        {
            TrackInboundActivity(context, time);
            return next(context);
        });
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

    /// <summary>
    /// Puts an activity tracker between the connection and the WebSocket the middleware will create, so that the
    /// keep-alive's PING and PONG frames (which the WebSocket never shows) count as activity. An application-wide
    /// <c>app.UseWebSockets()</c> has already set up its own handshake on the untracked stream: it is dropped (nothing
    /// was accepted yet) so that the hub's own WebSocket middleware sets up one on the tracked stream.
    /// </summary>
    private static void TrackInboundActivity(HttpContext context, TimeProvider time)
    {
        var activity = new InboundActivity(time);
        context.Features.Set(activity);
        context.Features.Set<IHttpWebSocketFeature>(null);
        if (context.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
        {
            context.Features.Set<IHttpUpgradeFeature>(new ActivityTrackingUpgradeFeature(upgrade, activity));
        }

        if (context.Features.Get<IHttpExtendedConnectFeature>() is { } connect)
        {
            context.Features.Set<IHttpExtendedConnectFeature>(new ActivityTrackingConnectFeature(connect, activity));
        }
    }
}
