using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Client;

/// <summary>One long-lived connection; messages go through a bounded channel and are sent one at a time.</summary>
public sealed class LongLivedPublisher : IAsyncDisposable
{
    private readonly Channel<string> _outbox = Channel.CreateBounded<string>(1000);
    private readonly ClientWebSocket _socket = new();

    public ValueTask PublishAsync(string message, CancellationToken cancellationToken) => _outbox.Writer.WriteAsync(message, cancellationToken);

    public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
#endif
        await _socket.ConnectAsync(uri, cancellationToken);
        await foreach (var message in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    /// <summary>A session: subscribe once, then read until the server closes.</summary>
    public static async Task SubscribeAsync(Uri uri, string topic, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, cancellationToken);
        await socket.SendAsync(Encoding.UTF8.GetBytes("subscribe " + topic), WebSocketMessageType.Text, true, cancellationToken);
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        _socket.Dispose();
    }
}
