// A client that pushes telemetry on the socket it keeps in a field (the Memory<byte> overload).
// fixed: SendAsync(
using System;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

public sealed class TelemetryPublisher
{
    private readonly ClientWebSocket _socket = new();

    public async ValueTask PublishAsync(object sample, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(sample);
        await _socket.SendAsync(payload.AsMemory(), WebSocketMessageType.Text, true, cancellationToken);
    }
}
