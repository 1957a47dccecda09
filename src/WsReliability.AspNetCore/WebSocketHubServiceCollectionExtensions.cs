using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsReliability.AspNetCore;
using WsReliability.AspNetCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WebSocket hub.</summary>
public static class WebSocketHubServiceCollectionExtensions
{
    /// <summary>Adds a hub whose received messages are ignored (server push only).</summary>
    public static IServiceCollection AddWebSocketHub(this IServiceCollection services, Action<WebSocketHubOptions>? configure = null) =>
        services.AddWebSocketHub<IgnoreMessagesHandler>(configure);

    /// <summary>Adds the hub with <typeparamref name="THandler"/> (a singleton) handling connections and messages.</summary>
    public static IServiceCollection AddWebSocketHub<THandler>(this IServiceCollection services, Action<WebSocketHubOptions>? configure = null)
        where THandler : WebSocketHubHandler
    {
        var options = services.AddOptions<WebSocketHubOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebSocketHubMetrics>();
        services.TryAddSingleton<HubStatistics>();
        services.TryAddSingleton<WebSocketHub>();
        services.TryAddSingleton<WebSocketHubHandler, THandler>();
        services.TryAddSingleton<MessageDispatcher>();
        services.TryAddSingleton<WebSocketHubEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageDispatcher>());
        services.AddHostedService<WebSocketHubBackgroundService>();
        return services;
    }

    /// <summary>Adds <see cref="WebSocketHubHealthCheck"/> (disconnect rate, handler lag, memory).</summary>
    public static IHealthChecksBuilder AddWebSocketHubHealthCheck(this IHealthChecksBuilder builder, string name = "websocket-hub") =>
        builder.Add(new HealthCheckRegistration(name,
            sp => new WebSocketHubHealthCheck(sp.GetRequiredService<WebSocketHub>(), sp.GetRequiredService<HubStatistics>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebSocketHubOptions>>()),
            failureStatus: null, tags: new[] { "websocket" }));
}
