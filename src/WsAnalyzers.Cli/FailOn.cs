using System.CommandLine;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;

namespace WsAnalyzers.Cli;

/// <summary>`--fail-on`, shared by the commands that report findings: exit with 1 when a finding left at the end has
/// this severity or higher.</summary>
internal static class FailOn
{
    public static Option<string> Create(string left = "a finding has")
    {
        var option = new Option<string>("--fail-on")
        {
            Description = $"Exit with 1 when {left} this severity or higher: none, info, warning or error.",
            DefaultValueFactory = _ => "warning",
        };
        option.AcceptOnlyFromAmong("none", "info", "warning", "error");
        return option;
    }

    /// <summary>The lowest severity that fails, or null for `none`.</summary>
    public static DiagnosticSeverity? Value(ParseResult result, Option<string> option) =>
        result.GetValue(option) is "none" or null ? null : SeverityNames.Parse(result.GetValue(option)!);
}
