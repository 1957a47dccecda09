using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

/// <summary>Runs that several tests read, made once per test run: analyzing a whole project costs seconds.</summary>
public sealed class ToolRuns : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Task<(CliResult Result, string SarifPath)> _antiPatterns;
    private readonly Lazy<Task<IReadOnlyList<string>>> _ruleIds;

    public ToolRuns()
    {
        // Started at once: it loads a project through MSBuild, and other tests can run while it does.
        var sarif = _folder.Combine("antipatterns.sarif");
        _antiPatterns = Task.Run(async () =>
            (await CliProcess.RunToolAsync(CliProcess.RepositoryRoot, "analyze", Samples.AntiPatterns, "--format", "sarif", "--output", sarif), sarif));
        _ruleIds = new(async () =>
        {
            var result = await CliProcess.RunToolAsync(CliProcess.RepositoryRoot, "rules", "--format", "json");
            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Output);
            return json.RootElement.EnumerateArray().Where(r => r.GetProperty("command").GetString() == "analyze").Select(r => r.GetProperty("id").GetString()!).ToList();
        });
    }

    /// <summary>`analyze samples/AntiPatterns --format sarif --output FILE`.</summary>
    internal Task<(CliResult Result, string SarifPath)> AntiPatternsAsync() => _antiPatterns;

    /// <summary>The analyzer rule IDs `rules --format json` lists (not the check-proxy rules).</summary>
    internal Task<IReadOnlyList<string>> RuleIdsAsync() => _ruleIds.Value;

    public void Dispose()
    {
        _antiPatterns.Wait();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<ToolRuns>
{
    // One collection: the tests start heavy processes, and running them one after another keeps a 2-core machine usable.
    public const string Name = "wsanalyzers tool";
}

internal sealed record SarifResult(string RuleId, string Level, string Uri, string? UriBaseId, int Line, string Fingerprint);

internal static class Sarif
{
    public static List<SarifResult> Results(JsonElement log) =>
        log.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            return new SarifResult(
                r.GetProperty("ruleId").GetString()!,
                r.GetProperty("level").GetString()!,
                artifact.GetProperty("uri").GetString()!,
                artifact.TryGetProperty("uriBaseId", out var baseId) ? baseId.GetString() : null,
                location.GetProperty("region").GetProperty("startLine").GetInt32(),
                r.GetProperty("partialFingerprints").GetProperty("wsanalyzers/v1").GetString()!);
        }).ToList();

    public static JsonDocument Load(string path) => JsonDocument.Parse(File.ReadAllText(path));
}
