using Microsoft.CodeAnalysis;

namespace WsAnalyzers;

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

    public static readonly DiagnosticDescriptor WS3001SendWithoutStateCheck = Create(
        RuleIdentifiers.SendWithoutStateCheck,
        "Send without a connection-state check",
        "'{0}' sends on a WebSocket without checking that it is open or handling the exception a closed socket throws",
        RuleCategories.Sending,
        DiagnosticSeverity.Warning,
        "A send on a closed or aborted WebSocket throws. Check the connection state first, or handle the exception, so that one dead peer does not take down the code path that sends.");

    /// <summary>For rules that decide in a compilation-end pass (they see every type of the compilation before reporting).</summary>
    private static DiagnosticDescriptor CreateCompilationEnd(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md",
            WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
