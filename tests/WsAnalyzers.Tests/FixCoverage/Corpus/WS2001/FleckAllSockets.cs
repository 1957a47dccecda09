// The classic Fleck sample: every socket goes into a list on open; OnClose only logs.
// fixed: allSockets.Remove(socket);
// fixed: Console.WriteLine("Close!");
// fixed: allSockets.ToList().ForEach(s => s.Send("Echo: " + message));
using System;
using System.Collections.Generic;
using System.Linq;
using Fleck;

var allSockets = new List<IWebSocketConnection>();
var server = new WebSocketServer("ws://0.0.0.0:8181");
server.Start(socket =>
{
    socket.OnOpen = () =>
    {
        Console.WriteLine("Open!");
        allSockets.Add(socket);
    };
    socket.OnClose = () => Console.WriteLine("Close!");
    socket.OnMessage = message =>
    {
        Console.WriteLine(message);
        allSockets.ToList().ForEach(s => s.Send("Echo: " + message));
    };
});

Console.ReadLine();
