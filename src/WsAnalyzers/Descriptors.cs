using Microsoft.CodeAnalysis;

namespace WsAnalyzers;

/// <summary>Every diagnostic descriptor of the package, in one place.</summary>
public static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/wsanalyzers/wsanalyzers/blob/main/docs/rules/";

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
        "This loop {0} on the receive path of a message handler; offload it or bound it by the message",
        RuleCategories.MessageHandlers,
        DiagnosticSeverity.Warning,
        "A message handler that runs a long synchronous loop (a large constant bound, nested loops not bounded by the message, or an infinite loop without an await) holds the receive path: the connection receives nothing meanwhile and a thread-pool thread is tied up. Offload the work (Task.Run, a Channel consumer) or make the loop depend on the received data.");

    public static readonly DiagnosticDescriptor WS4002BlockingCallInHandler = Create(
        RuleIdentifiers.BlockingCallInHandler,
        "Blocking call in a message handler",
        "'{0}' blocks the thread of a message handler; await instead",
        RuleCategories.MessageHandlers,
        DiagnosticSeverity.Warning,
        "A message handler that blocks (Thread.Sleep, Task.Wait, .Result, GetAwaiter().GetResult(), a synchronous wait on a semaphore or event) stops the connection from receiving and ties up a thread-pool thread; under load this starves the pool and every connection stalls. Await instead.");

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
