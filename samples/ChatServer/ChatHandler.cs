using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.AspNetCore;

namespace WsReliability.Samples.ChatServer;

/// <summary>Every text message is broadcast to everyone, prefixed with the sender's name (query string ?name=).</summary>
internal sealed class ChatHandler : WebSocketHubHandler
{
    private const int MaxNameLength = 24;
    private readonly WebSocketHub _hub;

    public ChatHandler(WebSocketHub hub) => _hub = hub;

    public override ValueTask OnConnectedAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        // Presence notices are not chat: they are not kept for replay.
        _hub.BroadcastText($"* {NameOf(connection)} joined ({_hub.Connections.Count} online)", except: connection, recordInHistory: false);
        return default;
    }

    public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
    {
        if (message.MessageType == WebSocketMessageType.Text)
        {
            _hub.BroadcastText($"{NameOf(message.Connection)}: {message.Text}");
        }

        return default;
    }

    public override ValueTask OnDisconnectedAsync(HubConnection connection, int closeStatus, CancellationToken cancellationToken)
    {
        _hub.BroadcastText($"* {NameOf(connection)} left ({closeStatus})", recordInHistory: false);
        return default;
    }

    private static string NameOf(HubConnection connection)
    {
        string? name = connection.HttpContext?.Request.Query["name"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return "guest-" + connection.Id[..6];
        }

        return name.Length > MaxNameLength ? name[..MaxNameLength] : name;
    }
}
