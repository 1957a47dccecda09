using Microsoft.CodeAnalysis;

namespace WsAnalyzers;

/// <summary>Every diagnostic descriptor of the package, in one place.</summary>
public static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/wsanalyzers/wsanalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor WS1001ReconnectWithoutDelay = Create(
        RuleIdentifiers.ReconnectWithoutDelay,
        "Reconnect without delay",
        "'{0}' reconnects from a {1} without any delay: every client of a restarted server reconnects at the same moment",
        RuleCategories.Reconnect,
        DiagnosticSeverity.Warning,
        "A close, error or disconnection handler, a catch block, a retry loop or a recursive retry reaches a reconnect with no delay on that path. When a server restarts, every client reconnects at once and the recovering server is taken straight back down. Wait before reconnecting, with exponential backoff and jitter.");

    public static readonly DiagnosticDescriptor WS1002ReconnectWithoutBackoff = Create(
        RuleIdentifiers.ReconnectWithoutBackoff,
        "Reconnect delay has no exponential backoff with jitter",
        "The reconnect delay {1} ('{0}'): use exponential backoff with jitter so that clients do not reconnect in waves",
        RuleCategories.Reconnect,
        DiagnosticSeverity.Info,
        "A constant delay makes every client that lost its connection at the same moment reconnect at the same moment again; a random delay that does not grow keeps hammering a server that is down; a growing delay without randomness keeps the clients in lockstep. Grow the delay with the attempt count and randomise it.");

    public static readonly DiagnosticDescriptor WS1003ReconnectAfterNormalClosure = Create(
        RuleIdentifiers.ReconnectAfterNormalClosure,
        "Reconnect after a normal closure",
        "'{0}' reconnects from a close handler without looking at {1}: an intentional close is fought",
        RuleCategories.Reconnect,
        DiagnosticSeverity.Info,
        "A close handler that reconnects unconditionally also reconnects after a normal closure: the application's own StopAsync or Dispose, or a server that closed with 1000 or asked the client to go away. Look at the close code, the clean flag, the error argument or the disconnection type first.");

    public static readonly DiagnosticDescriptor WS1004ClientWebSocketReused = Create(
        RuleIdentifiers.ClientWebSocketReused,
        "ClientWebSocket reused after it was started",
        "'{0}' may already have been connected: a ClientWebSocket cannot be connected twice, create a new instance before ConnectAsync",
        RuleCategories.Reconnect,
        DiagnosticSeverity.Warning,
        "A ClientWebSocket can be connected once. ConnectAsync on an instance that was already started (or failed, or closed) throws InvalidOperationException, so the reconnect path never reconnects. Create a new ClientWebSocket for every attempt and dispose the old one.");

    public static readonly DiagnosticDescriptor WS1005ConnectionPerMessage = Create(
        RuleIdentifiers.ConnectionPerMessage,
        "WebSocket connection opened per message",
        "'{0}' is connected to send a single message and closed again: keep one long-lived connection and send on it",
        RuleCategories.Reconnect,
        DiagnosticSeverity.Warning,
        "Opening a WebSocket costs a TCP and TLS handshake, an HTTP upgrade and usually authentication. A connection per message multiplies that cost by the message rate, exhausts ephemeral ports and hits the server with connection churn. Keep one connection open and send every message on it.");

    public static readonly DiagnosticDescriptor WS3001SendWithoutStateCheck = Create(
        RuleIdentifiers.SendWithoutStateCheck,
        "Send without a connection-state check",
        "'{0}' sends on a WebSocket without checking that it is open or handling the exception a closed socket throws",
        RuleCategories.Sending,
        DiagnosticSeverity.Warning,
        "A send on a closed or aborted WebSocket throws. Check the connection state first, or handle the exception, so that one dead peer does not take down the code path that sends.");

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
