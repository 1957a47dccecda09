using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Handlers;

/// <summary>Handlers whose loops parse the received message, and heavy work offloaded with Task.Run.</summary>
public sealed class ParsingHandlers
{
    private readonly int[][] _board = Array.Empty<int[]>();

    public async Task ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (!result.EndOfMessage)
            {
                // This protocol's messages fit in the buffer: a longer one is refused rather than handled in pieces.
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                return;
            }

            var checksum = 0;
            for (var i = 0; i < result.Count; i++)
            {
                checksum ^= buffer[i];
            }

            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            foreach (var line in text.Split('\n'))
            {
                foreach (var field in line.Split(','))
                {
                    checksum += field.Length;
                }
            }

            var total = 0L;
            await Task.Run(() =>
            {
                foreach (var row in _board)
                {
                    foreach (var cell in row)
                    {
                        total += cell;
                    }
                }
            }, cancellationToken);
        }
    }
}

/// <summary>A websocket-sharp behavior that parses each message without touching anything else.</summary>
public sealed class CommandBehavior : WebSocketSharp.Server.WebSocketBehavior
{
    protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
    {
        var position = 0;
        while (true)
        {
            var separator = e.Data.IndexOf(';', position);
            if (separator < 0)
            {
                break;
            }

            position = separator + 1;
        }
    }
}
