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

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
