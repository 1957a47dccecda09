using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

internal sealed record JsonFinding(string RuleId, string Severity, string Path, int Line);

/// <summary>Runs `analyze --format json` and reads the findings back.</summary>
internal static class JsonFindings
{
    public static async Task<(CliResult Result, List<JsonFinding> Findings)> AnalyzeAsync(string workingDirectory, params string[] arguments)
    {
        var result = await CliProcess.RunToolAsync(workingDirectory, ["analyze", .. arguments, "--format", "json"]);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        return (result, Parse(result.Output));
    }

    public static int Summary(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("summary").GetProperty(property).GetInt32();
    }

    public static List<JsonFinding> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new JsonFinding(
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("severity").GetString()!,
                f.GetProperty("path").GetString()!,
                f.GetProperty("line").GetInt32()))
            .ToList();
    }
}
