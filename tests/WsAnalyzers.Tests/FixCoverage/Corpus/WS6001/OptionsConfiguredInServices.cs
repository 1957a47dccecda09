// The options are configured through the services and the middleware reads them.
// framework: net9.0
// no-fix: UseWebSockets(new WebSocketOptions { ... }) would replace the options configured through the services (their interval and allowed origins); the timeout belongs in that Configure lambda
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

public static class Pipeline
{
    public static void AddChat(IServiceCollection services) =>
        services.Configure<WebSocketOptions>(options =>
        {
            options.KeepAliveInterval = TimeSpan.FromSeconds(30);
            options.AllowedOrigins.Add("https://chat.example.com");
        });

    public static void UseChat(IApplicationBuilder app) => app.UseWebSockets();
}
