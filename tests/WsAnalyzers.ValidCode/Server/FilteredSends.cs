using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Server;

/// <summary>
/// The correct look-alikes of the sending rules' shapes: broadcasts that filter on the state or check each element and
/// isolate each failure, a broadcast through a helper that handles its own failure, a one-shot send helper whose callers
/// check the state, and a heartbeat whose loop checks the state of the socket it is handed.
/// </summary>
public sealed class FilteredSends
{
    private readonly List<WebSocket> _sockets = new();

    public async Task BroadcastToOpenAsync(string text, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        foreach (var socket in _sockets.Where(s => s.State == WebSocketState.Open).ToList())
        {
            try
            {
                await socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
            }
            catch (WebSocketException)
            {
                _sockets.Remove(socket);
            }
        }
    }

    public async Task BroadcastByIndexAsync(string text, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var peers = _sockets.ToArray();
        for (var i = 0; i < peers.Length; i++)
        {
            if (peers[i].State != WebSocketState.Open)
            {
                continue;
            }

            try
            {
                await peers[i].SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
            }
            catch (WebSocketException)
            {
                _sockets.Remove(peers[i]);
            }
        }
    }

    public async Task BroadcastThroughHelperAsync(string text)
    {
        foreach (var socket in _sockets.ToList())
        {
            await TrySendAsync(socket, text);
        }
    }

    public async Task GreetAsync(WebSocket socket)
    {
        if (socket.State == WebSocketState.Open)
        {
            await SendTextAsync(socket, "hello");
        }
    }

    public static async Task HeartbeatAsync(WebSocket socket, TimeSpan interval, CancellationToken cancellationToken)
    {
        var ping = Encoding.UTF8.GetBytes("ping");
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(interval, cancellationToken);
            try
            {
                await socket.SendAsync(ping, WebSocketMessageType.Text, true, cancellationToken);
            }
            catch (WebSocketException)
            {
                return;
            }
        }
    }

    private static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task TrySendAsync(WebSocket socket, string text)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }

        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            _sockets.Remove(socket);
        }
    }
}
