// A Websocket.Client feed whose URL is built with an interpolated string.
// fixed: new Uri($"wss://feed.example.com:{port}/v1/{channel}")
// fixed: client.ReconnectTimeout = TimeSpan.FromSeconds(30);
using System;
using Websocket.Client;

public static class FeedFactory
{
    public static WebsocketClient Create(int port, string channel)
    {
        var client = new WebsocketClient(new Uri($"ws://feed.example.com:{port}/v1/{channel}"));
        client.ReconnectTimeout = TimeSpan.FromSeconds(30);
        return client;
    }
}
