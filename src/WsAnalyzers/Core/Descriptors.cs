using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Core;

/// <summary>Every diagnostic descriptor of the package, in one place.</summary>
public static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/wsanalyzers/wsanalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor WS2001ConnectionCollectionNeverShrunk = CreateCompilationEnd(
        RuleIdentifiers.ConnectionCollectionNeverShrunk,
        "Connection collection is never shrunk",
        "'{0}' collects connections but nothing ever removes them: every connection that ever opened stays in memory",
        RuleCategories.ResourceBounds,
        DiagnosticSeverity.Warning,
        "A long-lived collection of connections (or of what is stored per connection) is added to when a connection opens but never removed from, cleared or replaced. Every closed connection, its buffers and its socket stay reachable for the life of the server.");

    public static readonly DiagnosticDescriptor WS2002MessageHistoryUnbounded = CreateCompilationEnd(
        RuleIdentifiers.MessageHistoryUnbounded,
        "Message history grows without bound",
        "'{0}' is appended to for every message but is never trimmed, capped or cleared",
        RuleCategories.ResourceBounds,
        DiagnosticSeverity.Warning,
        "A long-lived list, queue or StringBuilder that a message handler appends to grows with every message the server ever receives. Cap it (drop the oldest entries past a limit), or keep the history somewhere bounded.");

    public static readonly DiagnosticDescriptor WS2003ConnectionNotRemovedOnEveryClosePath = CreateCompilationEnd(
        RuleIdentifiers.ConnectionNotRemovedOnEveryClosePath,
        "Connection not removed on every close path",
        "The connection added to '{0}' is not removed on every path that ends it: {1}",
        RuleCategories.ResourceBounds,
        DiagnosticSeverity.Warning,
        "A connection is registered in a long-lived collection and removed somewhere, but not on every path that ends the connection: an aborted connection throws out of the receive loop, a SignalR client that drops never calls a 'Leave' method, a library reports the end of a connection in a callback the code does not handle. Remove it in a finally block, in OnDisconnectedAsync or in OnClose.");
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

    public static readonly DiagnosticDescriptor WS3002BroadcastStopsAtFirstFailure = Create(
        RuleIdentifiers.BroadcastStopsAtFirstFailure,
        "Broadcast stops at the first failed send",
        "A send to one connection can throw out of this broadcast; handle the failure per connection inside the loop",
        RuleCategories.Sending,
        DiagnosticSeverity.Warning,
        "A loop that sends to many connections without exception handling inside the loop stops at the first dead peer: every connection after it misses the message. Catch the send's exception per connection and skip or remove the dead one.");

    public static readonly DiagnosticDescriptor WS3003SendNotAwaited = Create(
        RuleIdentifiers.SendNotAwaited,
        "Send not awaited: concurrent sends on one WebSocket",
        "'{0}' can run while another send on the same WebSocket is still in progress; await it, or serialise the sends with a SemaphoreSlim or a Channel",
        RuleCategories.Sending,
        DiagnosticSeverity.Warning,
        "System.Net.WebSockets allows one outstanding send per WebSocket; a second concurrent SendAsync throws InvalidOperationException or interleaves frames. Await each send, and serialise sends that come from timers, events or background tasks with a SemaphoreSlim or a single Channel consumer.");

    public static readonly DiagnosticDescriptor WS4001CpuBoundLoopInHandler = Create(
        RuleIdentifiers.CpuBoundLoopInHandler,
        "CPU-bound loop in a message handler",
        "This loop {0} on a connection's receive path; offload it or bound it by the message",
        RuleCategories.MessageHandlers,
        DiagnosticSeverity.Warning,
        "A message or open handler (or a receive loop, or the code after an accept) that runs a long synchronous loop (a large constant bound, nested loops not bounded by the message or bounded by a number the peer sent, an infinite loop without an await, a busy wait) holds the receive path: the connection receives nothing meanwhile and a thread-pool thread is tied up. Offload the work (Task.Run, a Channel consumer) or make the loop depend on the received data.");

    public static readonly DiagnosticDescriptor WS4002BlockingCallInHandler = Create(
        RuleIdentifiers.BlockingCallInHandler,
        "Blocking call in a message handler",
        "'{0}' blocks the thread of a connection's receive path; await instead",
        RuleCategories.MessageHandlers,
        DiagnosticSeverity.Warning,
        "A message or open handler (or a receive loop, or the code after an accept) that blocks (Thread.Sleep, Task.Wait, .Result, GetAwaiter().GetResult(), a synchronous wait on a semaphore or event) stops the connection from receiving and ties up a thread-pool thread; under load this starves the pool and every connection stalls. Await instead.");

    public static readonly DiagnosticDescriptor WS5001ReceiveLoopIgnoresClose = Create(
        RuleIdentifiers.ReceiveLoopIgnoresClose,
        "Receive loop ignores Close messages",
        "'{0}' receives in a loop that never looks for a Close message: after the peer closes, the loop spins or throws instead of completing the close handshake",
        RuleCategories.ReceiveLoop,
        DiagnosticSeverity.Warning,
        "When the peer closes, ReceiveAsync returns a result whose MessageType is Close (and CloseStatus is set). A receive loop that never looks for it treats the Close as an empty message and calls ReceiveAsync again, which throws on a closed socket; a loop that swallows the exception spins. Check MessageType == Close (or CloseStatus), complete the handshake with CloseOutputAsync and leave the loop.");

    public static readonly DiagnosticDescriptor WS5002MessageAssembledWithoutLimit = Create(
        RuleIdentifiers.MessageAssembledWithoutLimit,
        "Message assembled without a size limit",
        "Fragments are appended to '{0}' until EndOfMessage with no size limit: one peer can send an endless message and exhaust the memory",
        RuleCategories.ReceiveLoop,
        DiagnosticSeverity.Warning,
        "A WebSocket message can be split into any number of fragments, and nothing limits their total size. Code that appends fragments to a MemoryStream, StringBuilder, List or ArrayBufferWriter until EndOfMessage without comparing the size with a limit lets one peer grow the buffer until the process runs out of memory. Compare the assembled size with a named limit and close with 1009 (MessageTooBig) when it is exceeded.");

    public static readonly DiagnosticDescriptor WS5003EndOfMessageNotChecked = Create(
        RuleIdentifiers.EndOfMessageNotChecked,
        "Receive result used without checking EndOfMessage",
        "The bytes of this ReceiveAsync are {0} as a whole message, but EndOfMessage is never checked: a message that arrives in several fragments is split",
        RuleCategories.ReceiveLoop,
        DiagnosticSeverity.Info,
        "One ReceiveAsync returns what has arrived of one frame, up to the buffer's size: a message longer than the buffer, a fragmented message or a frame read before it has fully arrived comes in several results, and only the last has EndOfMessage set. Code that decodes, deserialises or dispatches the bytes of a single result splits such messages into corrupt pieces. Receive until EndOfMessage before using the message.");

    public static readonly DiagnosticDescriptor WS6001NoKeepAliveTimeout = Create(
        RuleIdentifiers.NoKeepAliveTimeout,
        "No keep-alive timeout: dead peers are never detected",
        "{0} sets no keep-alive timeout ({1}): a peer that disappears without closing is never detected",
        RuleCategories.Configuration,
        DiagnosticSeverity.Info,
        "A keep-alive interval alone sends pings but never waits for an answer: a peer whose network vanished (a laptop lid closed, a mobile handover, a proxy that dropped the connection) stays open until the operating system gives up on TCP, often after many minutes, holding its memory and its place in every broadcast. .NET 9 added a keep-alive timeout (WebSocketOptions, WebSocketAcceptContext and ClientWebSocketOptions.KeepAliveTimeout) that aborts the connection when no PONG arrives in time. Set it, or run an application heartbeat that closes the connection when its reply does not come.");

    public static readonly DiagnosticDescriptor WS6002UnencryptedEndpoint = Create(
        RuleIdentifiers.UnencryptedEndpoint,
        "Unencrypted ws:// endpoint",
        "'{0}' connects to '{1}' without encryption: use wss:// so that messages, cookies and tokens cannot be read or changed on the way",
        RuleCategories.Configuration,
        DiagnosticSeverity.Info,
        "A ws:// connection is plain TCP: every message, and the cookies or tokens of the upgrade request, can be read and changed by anyone on the path, and many proxies and mobile networks break unencrypted upgrades. Outside the machine itself (localhost, loopback addresses) connect to a wss:// endpoint.");

    public static readonly DiagnosticDescriptor WS6003AcceptWithoutOriginCheck = Create(
        RuleIdentifiers.AcceptWithoutOriginCheck,
        "WebSocket accepted without an Origin check",
        "This endpoint accepts WebSockets without checking the Origin header{0}: a page on any site can open this socket in a visitor's browser",
        RuleCategories.Configuration,
        DiagnosticSeverity.Info,
        "Browsers do not apply CORS to WebSockets: a script on any site can open a WebSocket to this endpoint, and the browser sends the user's cookies with the upgrade request (cross-site WebSocket hijacking). Set WebSocketOptions.AllowedOrigins, or compare the Origin header with an allow-list before accepting. An endpoint that requires a bearer token, which a browser never sends on its own, is not at risk.");

    /// <summary>For rules that decide in a compilation-end pass (they see every type of the compilation before reporting).</summary>
    private static DiagnosticDescriptor CreateCompilationEnd(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md",
            WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
