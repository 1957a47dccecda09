// A Fleck server that drops a connection from its list on errors only, so cleanly closed connections stay.
// fixed: socket.OnClose = () =>
// fixed: clients.Remove(socket);
// fixed: socket.OnError = _ => clients.Remove(socket);
using System;
using System.Collections.Generic;
using Fleck;

public sealed class FleckRelay
{
    private readonly List<IWebSocketConnection> clients = new();

    public void Start()
    {
        var server = new WebSocketServer("ws://0.0.0.0:8181");
        server.Start(socket =>
        {
            socket.OnOpen = () =>
            {
                Console.WriteLine("open");
                clients.Add(socket);
            };
            socket.OnMessage = message => clients.ForEach(client => client.Send(message));
            socket.OnError = _ => clients.Remove(socket);
        });
    }
}
