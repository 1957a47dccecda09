using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Analysis;

/// <summary>The words the command line and reports use for severities (MSBuild's, plus "hidden").</summary>
internal static class SeverityNames
{
    public static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    public static DiagnosticSeverity Parse(string name) => name.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "info" or "suggestion" => DiagnosticSeverity.Info,
        "hidden" or "silent" => DiagnosticSeverity.Hidden,
        _ => throw new CliException($"unknown severity '{name}': use info, warning or error"),
    };
}
