using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class AnalyzeTests(ToolRuns runs)
{
    [Fact]
    public async Task Anti_patterns_sample_reports_every_marked_send_and_every_rule_and_exits_1()
    {
        var (result, sarifPath) = await runs.AntiPatternsAsync();
        Assert.True(result.ExitCode == 1, result.ToString());
        using var sarif = Sarif.Load(sarifPath);
        var results = Sarif.Results(sarif.RootElement);

        // The sample marks each WS3001 mistake with a trailing comment; the tool must report exactly those lines.
        var marked = Samples.MarkedLines(Samples.AntiPatterns, "WS3001");
        Assert.NotEmpty(marked);
        var reported = results.Where(r => r.RuleId == "WS3001").Select(r => (r.Uri, r.Line)).ToHashSet();
        Assert.Equal(marked.OrderBy(m => m), reported.OrderBy(r => r));

        foreach (var rule in await runs.RuleIdsAsync())
        {
            Assert.Contains(results, r => r.RuleId == rule);
        }
    }

    [Fact]
    public async Task Valid_code_has_no_finding_and_exits_0_without_progress_noise()
    {
        var (result, findings) = await JsonFindings.AnalyzeAsync(CliProcess.RepositoryRoot, Samples.ValidCode);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(findings);
        // stderr is redirected here: no progress lines, and no analyzer failures.
        Assert.DoesNotContain("Analyzing", result.Error);
        Assert.DoesNotContain("analyzer", result.Error);
    }

    [Fact]
    public async Task Rules_lists_every_documented_rule_with_severity_title_and_help_link()
    {
        var ids = await runs.RuleIdsAsync();
        var pages = Directory.EnumerateFiles(Path.Combine(CliProcess.RepositoryRoot, "docs", "rules"), "WS????.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(pages.Order(), ids.Order());

        var table = await CliProcess.RunToolAsync(CliProcess.RepositoryRoot, "rules");
        Assert.Equal(0, table.ExitCode);
        foreach (var id in ids)
        {
            Assert.Matches(new Regex($@"^{id}\s+(error|warning|info|hidden)\s+(yes|no)\s+\S.*https://\S+/docs/rules/{id}\.md$", RegexOptions.Multiline), table.Output);
        }
    }

    [Fact]
    public async Task Loose_files_give_msbuild_style_lines_and_a_summary_per_rule()
    {
        using var folder = new TempFolder();
        var sample = Samples.CopyUncheckedSends(folder.Path);
        var marked = Samples.MarkedLines(folder.Path, "WS3001");

        var result = await CliProcess.RunToolAsync(folder.Path, "analyze", "--rules", "WS3001");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = Regex.Matches(result.Output, @"^(?<file>\S+)\((?<line>\d+),(?<column>\d+)\): warning WS3001: .+$", RegexOptions.Multiline);
        Assert.Equal(marked.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal(Path.GetFileName(sample), l.Groups["file"].Value));
        Assert.Matches(new Regex($@"^WS3001\s+warning\s+{marked.Count}\s+Send without a connection-state check", RegexOptions.Multiline), result.Output);
        Assert.Contains($"{marked.Count} finding(s) in 1 project(s)", result.Output);
    }

    [Fact]
    public async Task Editorconfig_severities_and_fail_on_decide_the_exit_code()
    {
        using var folder = new TempFolder();
        Samples.CopyUncheckedSends(folder.Path);
        var editorconfig = folder.Combine(".editorconfig");

        File.WriteAllText(editorconfig, "root = true\n[*.cs]\ndotnet_diagnostic.WS3001.severity = error\n");
        var (asError, errors) = await JsonFindings.AnalyzeAsync(folder.Path, "--rules", "WS3001", "--fail-on", "error");
        Assert.Equal(1, asError.ExitCode);
        Assert.NotEmpty(errors);
        Assert.All(errors, f => Assert.Equal("error", f.Severity));

        // A suggestion is info: below --severity warning it is not reported, and nothing is left to fail on.
        File.WriteAllText(editorconfig, "root = true\n[*.cs]\ndotnet_diagnostic.WS3001.severity = suggestion\n");
        var (asInfo, infos) = await JsonFindings.AnalyzeAsync(folder.Path, "--rules", "WS3001", "--severity", "warning", "--fail-on", "info");
        Assert.True(asInfo.ExitCode == 0, asInfo.ToString());
        Assert.Empty(infos);
    }

    [Fact]
    public async Task Rule_filters_select_rules_and_fail_on_none_never_fails()
    {
        using var folder = new TempFolder();
        Samples.CopyUncheckedSends(folder.Path);

        var (excluded, withoutWs3001) = await JsonFindings.AnalyzeAsync(folder.Path, "--exclude-rules", "WS3001");
        Assert.DoesNotContain(withoutWs3001, f => f.RuleId == "WS3001");

        var (family, ws3) = await JsonFindings.AnalyzeAsync(folder.Path, "--rules", "WS3*", "--fail-on", "none");
        Assert.Equal(0, family.ExitCode);
        Assert.Contains(ws3, f => f.RuleId == "WS3001");
        Assert.All(ws3, f => Assert.StartsWith("WS3", f.RuleId));
    }

    [Fact]
    public async Task Output_file_is_written_whole_and_nothing_goes_to_stdout()
    {
        using var folder = new TempFolder();
        Samples.CopyUncheckedSends(Path.Combine(folder.Path, "src"));
        var report = folder.Combine("report.json");

        var result = await CliProcess.RunToolAsync(folder.Path, "analyze", "src", "--rules", "WS3001", "--format", "json", "--output", report);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.NotEmpty(JsonFindings.Parse(File.ReadAllText(report)));
        Assert.Equal(["report.json"], Directory.EnumerateFiles(folder.Path).Select(Path.GetFileName));
    }
}
