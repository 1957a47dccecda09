// A websocket-sharp close handler that sleeps a constant time, in a method group, before reconnecting.
// fixed: _socket.Connect();
// fixed-not: Thread.Sleep(RetryInterval)
using System;
using System.Threading;
using WebSocketSharp;

public sealed class SensorLink
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(3);
    private readonly WebSocket _socket = new WebSocket("wss://example.org/sensors");

    public SensorLink() => _socket.OnClose += OnClosed;

    private void OnClosed(object? sender, CloseEventArgs e)
    {
        if (e.Code == (ushort)CloseStatusCode.Normal)
        {
            return;
        }

        Thread.Sleep(RetryInterval);
        _socket.Connect();
    }
}
