// A retry loop whose connect is in another class of the same compilation.
// fixed: await _dialer.OpenAsync(uri, cancellationToken);
// fixed: Task.Delay(ReconnectDelay(
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class Dialer
{
    public ClientWebSocket Socket { get; private set; } = new ClientWebSocket();

    public async Task OpenAsync(Uri uri, CancellationToken cancellationToken)
    {
        Socket.Dispose();
        Socket = new ClientWebSocket();
        await Socket.ConnectAsync(uri, cancellationToken);
    }
}

public sealed class NotificationsClient
{
    private readonly Dialer _dialer = new Dialer();

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                await _dialer.OpenAsync(uri, cancellationToken);
                return;
            }
            catch (WebSocketException exception)
            {
                Console.WriteLine($"attempt {attempt} failed: {exception.Message}");
            }
        }
    }
}
