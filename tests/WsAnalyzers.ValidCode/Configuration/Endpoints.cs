using System;

namespace WsAnalyzers.ValidCode.Configuration;

/// <summary>ws:// where it is not an unencrypted remote endpoint: loopback, a host from configuration, a server's bind
/// address; and wss:// everywhere else.</summary>
public static class Endpoints
{
    public static Uri Local(int port) => new($"ws://localhost:{port}/chat");

    public static Uri Loopback(int port) => new("ws://127.0.0.1:" + port + "/chat");

    public static Uri Configured(string host, int port) => new($"ws://{host}:{port}/chat");

    public static Uri Remote() => new("wss://chat.example.com/ws");

    public static void Serve()
    {
        using var server = new Fleck.WebSocketServer("ws://0.0.0.0:8181");
        server.Start(socket => socket.OnMessage = message => socket.Send(message));
    }
}
