// A helper that retries ConnectAsync on the socket its caller passed in.
// no-fix: the socket belongs to the caller: a new instance assigned to the parameter would never reach the caller, and the fix must not dispose what the caller owns; the caller has to create a socket per attempt (or pass a factory).
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public static class ConnectHelper
{
    public static async Task ConnectWithRetriesAsync(ClientWebSocket socket, Uri uri, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await socket.ConnectAsync(uri, cancellationToken);
                return;
            }
            catch (WebSocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << attempt)), cancellationToken);
            }
        }
    }
}
