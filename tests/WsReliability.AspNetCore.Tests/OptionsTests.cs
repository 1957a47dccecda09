using System;
using Microsoft.Extensions.DependencyInjection;

namespace WsReliability.AspNetCore.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData(nameof(WebSocketHubOptions.MaxConnections))]
    [InlineData(nameof(WebSocketHubOptions.MaxMessageSize))]
    [InlineData(nameof(WebSocketHubOptions.SendQueueCapacity))]
    [InlineData(nameof(WebSocketHubOptions.HandlerWorkers))]
    [InlineData(nameof(WebSocketHubOptions.InboundQueueCapacity))]
    public void Invalid_options_fail_when_the_hub_is_created(string option)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWebSocketHub(o => typeof(WebSocketHubOptions).GetProperty(option)!.SetValue(o, 0));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<WebSocketHub>());
        Assert.Contains(option, error.Message);
    }

    [Theory]
    [InlineData(nameof(WebSocketHubOptions.SendQueueMaxBytes), 0L)]
    [InlineData(nameof(WebSocketHubOptions.AdmissionRate), 0.0)]
    [InlineData(nameof(WebSocketHubOptions.AdmissionRate), double.PositiveInfinity)]
    public void Invalid_bounds_and_rates_fail_when_the_hub_is_created(string option, object value)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWebSocketHub(o => typeof(WebSocketHubOptions).GetProperty(option)!.SetValue(o, value));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<WebSocketHub>());
        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void Defaults_are_the_documented_safe_values()
    {
        var options = new WebSocketHubOptions();
        Assert.Equal(10_000, options.MaxConnections);
        Assert.Equal(64 * 1024, options.MaxMessageSize);
        Assert.Empty(options.AllowedOrigins);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KeepAliveTimeout);
        Assert.Equal(SlowConsumerPolicy.Close, options.SlowConsumerPolicy);
        Assert.Equal(4096, options.SendQueueCapacity);
        Assert.Equal(16L * 1024 * 1024, options.SendQueueMaxBytes);
        Assert.Equal(64, options.InboundQueueCapacity);
        Assert.Equal(InboundQueuePolicy.Wait, options.InboundQueuePolicy);
        Assert.Equal(300, options.AdmissionRate);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DrainWindow);
        Assert.Equal("ping", options.HeartbeatMessage);
        Assert.Equal("pong", options.HeartbeatReply);
        Assert.Equal(1000, options.HistoryCapacity);
        Assert.Equal(0.10, options.Health.MaxDisconnectRate);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Health.MaxHandlerLag);
    }
}
