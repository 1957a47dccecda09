// A Startup class that sets the keep-alive interval in a local options object, as the ASP.NET Core docs show.
// framework: net9.0
// fixed: KeepAliveInterval = TimeSpan.FromMinutes(2),
// fixed: KeepAliveTimeout = TimeSpan.FromSeconds(30)
// fixed: app.UseWebSockets(webSocketOptions);
// fixed: webSocketOptions.AllowedOrigins.Add("https://client.example.com");
using System;
using Microsoft.AspNetCore.Builder;

public class Startup
{
    public void Configure(IApplicationBuilder app)
    {
        var webSocketOptions = new WebSocketOptions
        {
            KeepAliveInterval = TimeSpan.FromMinutes(2),
        };
        webSocketOptions.AllowedOrigins.Add("https://client.example.com");
        app.UseWebSockets(webSocketOptions);
    }
}
