// A websocket-sharp behavior that fills a grid of the size each message names.
// no-fix: OnMessage is a synchronous override whose signature websocket-sharp fixes; an async void override would let the next message run before this one ends and let an exception skip OnError and crash the process.
using WebSocketSharp;
using WebSocketSharp.Server;

public sealed class GridBehavior : WebSocketBehavior
{
    protected override void OnMessage(MessageEventArgs e)
    {
        var size = int.Parse(e.Data);
        var cells = new int[size, size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                cells[i, j] = i * j;
            }
        }

        Send(cells.Length.ToString());
    }
}
