// A SignalR client that skips negotiation and connects to a ws:// URL.
// fixed: .WithUrl("wss://hub.example.com/chat", options =>
// fixed: options.SkipNegotiation = true;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

public static class HubFactory
{
    public static HubConnection Create() =>
        new HubConnectionBuilder()
            .WithUrl("ws://hub.example.com/chat", options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect()
            .Build();
}
