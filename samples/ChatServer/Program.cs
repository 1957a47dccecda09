using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WsReliability.AspNetCore;
using WsReliability.Samples.ChatServer;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWebSocketHub<ChatHandler>(options =>
{
    options.MaxMessageSize = 4 * 1024;
    options.HistoryCapacity = 100;
    options.ReplayHistoryOnConnect = true;
    options.SlowConsumerPolicy = SlowConsumerPolicy.Close;
});
builder.Services.AddHealthChecks().AddWebSocketHubHealthCheck();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapWebSocketHub("/ws");
app.MapHealthChecks("/health");
app.MapGet("/stats", (WebSocketHub hub) => Results.Ok(new
{
    connections = hub.Connections.Count,
    maxConnections = hub.Connections.MaxConnections,
    history = hub.History.Count,
    lastSequence = hub.History.LastSequence,
    uptime = DateTimeOffset.UtcNow - System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime(),
}));

app.Run();
