using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Client;

/// <summary>A client that makes a new ClientWebSocket per attempt, backs off exponentially with jitter and stops after a normal closure.</summary>
public sealed class ReconnectingClient
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly Uri _uri;
    private ClientWebSocket? _socket;

    public ReconnectingClient(Uri uri) => _uri = uri;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            _socket?.Dispose();
            _socket = new ClientWebSocket();
#if NET9_0_OR_GREATER
            _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
#endif
            try
            {
                await _socket.ConnectAsync(_uri, cancellationToken);
                attempt = 0;
                var closeStatus = await ReceiveUntilClosedAsync(_socket, cancellationToken);
                if (closeStatus == WebSocketCloseStatus.NormalClosure)
                {
                    return;
                }
            }
            catch (WebSocketException)
            {
            }

            attempt++;
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling), cancellationToken);
        }
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        var socket = _socket;
        if (socket is null || socket.State != WebSocketState.Open)
        {
            return;
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
    }

    private static async Task<WebSocketCloseStatus?> ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result.CloseStatus;
            }
        }

        return socket.CloseStatus;
    }
}
