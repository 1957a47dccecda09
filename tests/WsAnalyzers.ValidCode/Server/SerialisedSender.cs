using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Server;

/// <summary>A heartbeat and replies on one socket, serialised by a SemaphoreSlim; bulk messages go through a Channel
/// that a single loop sends from.</summary>
public sealed class SerialisedSender : IDisposable
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<string> _outbox = Channel.CreateBounded<string>(256);
    private readonly Timer _heartbeat;

    public SerialisedSender(WebSocket socket)
    {
        _socket = socket;
        _heartbeat = new Timer(async _ => await SendAsync("ping", CancellationToken.None), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    public ValueTask EnqueueAsync(string text, CancellationToken cancellationToken) => _outbox.Writer.WriteAsync(text, cancellationToken);

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        await foreach (var text in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            await SendAsync(text, cancellationToken);
        }
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        _sendLock.Dispose();
    }
}
