using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class SarifTests(ToolRuns runs)
{
    private const string MultitoolVersion = "5.7.0";

    [Fact]
    public async Task Sarif_passes_the_sarif_multitool_validator_without_errors()
    {
        var (_, sarifPath) = await runs.AntiPatternsAsync();
        var multitool = await InstallMultitoolAsync();
        using var folder = new TempFolder();
        // SARIF2006 fetches every URI in the log over HTTP; tests stay off the network.
        var config = folder.Combine("validate.xml");
        File.WriteAllText(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <Properties>
              <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
                <Property Key="RuleEnabled" Value="Disabled" />
              </Properties>
            </Properties>
            """);
        var report = folder.Combine("validation.sarif");

        var result = await CliProcess.RunAsync(
            multitool, folder.Path, ["validate", sarifPath, "--config", config, "--output", report, "--log", "ForceOverwrite", "--level", "Error;Warning;Note"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var validation = Sarif.Load(report);
        var run = validation.RootElement.GetProperty("runs")[0];
        var problems = run.GetProperty("results").EnumerateArray()
            .Where(r => !r.TryGetProperty("level", out var level) || level.GetString() is "error" or "warning")
            .Select(r => r.GetProperty("ruleId").GetString() + " " + r.GetProperty("message"))
            .ToList();
        Assert.Empty(problems);
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public async Task Sarif_has_rules_with_help_uris_relative_locations_and_fingerprints()
    {
        var (result, sarifPath) = await runs.AntiPatternsAsync();
        Assert.True(result.ExitCode == 1, result.ToString());
        using var sarif = Sarif.Load(sarifPath);
        var run = sarif.RootElement.GetProperty("runs")[0];

        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal((await runs.RuleIdsAsync()).Order(), rules.Select(r => r.GetProperty("id").GetString()).Order());
        Assert.All(rules, r => Assert.EndsWith($"/docs/rules/{r.GetProperty("id").GetString()}.md", r.GetProperty("helpUri").GetString()));

        var root = new Uri(run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!);
        Assert.True(root.IsAbsoluteUri && root.AbsolutePath.EndsWith('/'), root.ToString());
        var results = Sarif.Results(sarif.RootElement);
        Assert.NotEmpty(results);
        foreach (var finding in results)
        {
            Assert.Equal("SRCROOT", finding.UriBaseId);
            Assert.False(Uri.IsWellFormedUriString(finding.Uri, UriKind.Absolute), finding.Uri);
            Assert.True(File.Exists(new Uri(root, finding.Uri).LocalPath), finding.Uri);
            Assert.Matches("^[0-9a-f]{32}$", finding.Fingerprint);
        }

        Assert.Equal(results.Count, results.Select(r => r.Fingerprint).Distinct().Count());
    }

    /// <summary>
    /// The validator from npm, installed once into the system temp folder (outside the repository, shared by test runs).
    /// </summary>
    private static async Task<string> InstallMultitoolAsync()
    {
        var prefix = Path.Combine(Path.GetTempPath(), "wsanalyzers-sarif-multitool-" + MultitoolVersion);
        var package = Path.Combine(prefix, "node_modules", "@microsoft", "sarif-multitool", "package.json");
        if (!File.Exists(package) || !File.ReadAllText(package).Contains($"\"version\": \"{MultitoolVersion}\"", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(prefix);
            var install = await CliProcess.RunAsync(
                "npm", prefix, ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", prefix, "@microsoft/sarif-multitool@" + MultitoolVersion]);
            Assert.True(install.ExitCode == 0, "npm install failed: " + install);
        }

        // The package's bin script runs the platform's native tool through a shell; start the tool itself.
        var resolve = await CliProcess.RunAsync("node", prefix, ["-p", "require('@microsoft/sarif-multitool')"]);
        Assert.True(resolve.ExitCode == 0, resolve.ToString());
        var tool = resolve.Output.Trim();
        Assert.True(File.Exists(tool), "sarif-multitool binary not found: " + tool);
        return tool;
    }
}
