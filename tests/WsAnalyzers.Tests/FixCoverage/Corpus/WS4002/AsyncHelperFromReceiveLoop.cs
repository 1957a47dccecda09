// A receive loop whose async reply helper still reads a translation with .Result.
// fixed: var translated = await _translate(text);
// fixed: await ReplyAsync(socket, text, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class Translator
{
    private readonly Func<string, Task<string>> _translate;

    public Translator(Func<string, Task<string>> translate) => _translate = translate;

    public async Task ServeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            await ReplyAsync(socket, text, cancellationToken);
        }
    }

    private async Task ReplyAsync(WebSocket socket, string text, CancellationToken cancellationToken)
    {
        var translated = _translate(text).Result;
        var bytes = Encoding.UTF8.GetBytes(translated);
        await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, cancellationToken);
    }
}
