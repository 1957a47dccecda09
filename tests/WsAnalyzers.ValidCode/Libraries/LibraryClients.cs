using System;
using System.Collections.Generic;
using Fleck;
using WebSocketSharp;
using WebSocketSharp.Server;

namespace WsAnalyzers.ValidCode.Libraries;

/// <summary>websocket-sharp echo behavior: replies from its own message handler.</summary>
public sealed class EchoBehavior : WebSocketBehavior
{
    protected override void OnMessage(MessageEventArgs e) => Send(e.Data);
}

/// <summary>A websocket-sharp client that checks IsAlive before sending outside its handlers.</summary>
public sealed class SharpClient
{
    private readonly WebSocketSharp.WebSocket _socket = new("wss://example.org/feed");

    public SharpClient()
    {
        _socket.OnMessage += (sender, e) => _socket.Send("ack");
    }

    public void Publish(string text)
    {
        if (_socket.IsAlive)
        {
            _socket.Send(text);
        }
    }
}

/// <summary>Fleck tolerates sends to closed connections; removal happens in OnClose and OnError.</summary>
public sealed class FleckChat
{
    private readonly List<IWebSocketConnection> _connections = new();

    public void Start()
    {
        var server = new Fleck.WebSocketServer("ws://127.0.0.1:8181");
        server.Start(socket =>
        {
            socket.OnOpen = () => _connections.Add(socket);
            socket.OnClose = () => _connections.Remove(socket);
            socket.OnError = _ => _connections.Remove(socket);
            socket.OnMessage = message => _connections.ForEach(c => c.Send(message));
        });
    }
}

/// <summary>A websocket-sharp relay whose broadcast isolates each connection's failure.</summary>
public sealed class SharpRelay
{
    private readonly List<WebSocketSharp.WebSocket> _clients = new();

    public void Broadcast(string text)
    {
        foreach (var client in _clients.ToArray())
        {
            try
            {
                client.Send(text);
            }
            catch (InvalidOperationException)
            {
                _clients.Remove(client);
            }
        }
    }
}
