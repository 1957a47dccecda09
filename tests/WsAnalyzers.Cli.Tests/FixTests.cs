using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class FixTests(ToolRuns runs)
{
    [Fact]
    public async Task Fix_on_a_copy_of_the_sample_fixes_every_finding_its_rules_promise_a_fix_for_and_fails_on_those_left()
    {
        var (before, sarifPath) = await runs.AntiPatternsAsync();
        Assert.True(before.ExitCode == 1, before.ToString());
        using var sarif = Sarif.Load(sarifPath);
        var findingsBefore = Sarif.Results(sarif.RootElement).Count;

        using var folder = new TempFolder();
        var project = Samples.CopyAntiPatternsProject(folder.Combine("AntiPatterns"));

        var fix = await CliProcess.RunToolAsync(folder.Path, "fix", project);
        // WS1005 has no fix: its findings are left, so the run fails as `analyze` would on them.
        Assert.True(fix.ExitCode == 1, fix.ToString());
        Assert.Matches(new Regex(@"^Fixed \S+\.cs$", RegexOptions.Multiline), fix.Output);
        Assert.Matches(new Regex(@"^WS3001: [1-9]\d* of \d+ fixed, \d+ not fixed$", RegexOptions.Multiline), fix.Output);
        Assert.Matches(new Regex(@"^WS1005: 0 of (?<n>[1-9]\d*) fixed, \k<n> not fixed \(no code fix\)$", RegexOptions.Multiline), fix.Output);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));

        // The build runs the analyzers itself (the sample references them as analyzers): its warnings are the findings left.
        var build = await CliProcess.RunAsync(CliProcess.Dotnet, folder.Path, ["build", project, "--no-restore", "-nologo"]);
        Assert.True(build.ExitCode == 0, build.ToString());
        var findingsAfter = Regex.Matches(build.Output, @"^(?<location>\S+\(\d+,\d+\)): warning (?<id>WS\d{4}):", RegexOptions.Multiline)
            .Select(m => m.Groups["location"].Value + m.Groups["id"].Value)
            .Distinct()
            .Count();
        Assert.True(findingsAfter < findingsBefore, $"{findingsAfter} finding(s) after the fix, {findingsBefore} before\n{build}");

        // What fix says it left is what analyze finds afterwards.
        var analyze = await CliProcess.RunToolAsync(folder.Path, "analyze", project);
        var left = Regex.Match(analyze.Output, @"^(?<n>\d+) finding\(s\) in 1 project\(s\)", RegexOptions.Multiline);
        Assert.True(left.Success, analyze.ToString());
        Assert.Contains($"; {left.Groups["n"].Value} finding(s) left.", fix.Output);

        // A rule whose README row says "Code fix: Yes" leaves nothing; a "Partial" rule leaves at most the shapes its page
        // says get no fix, and fixes the rest; a rule without a fix is left alone.
        var perRule = Regex.Matches(fix.Output, @"^(?<id>WS\d{4}): (?<fixed>\d+) of \d+ fixed, (?<left>\d+) not fixed(?<none> \(no code fix\))?$", RegexOptions.Multiline);
        var readme = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "README.md"));
        string FixColumn(string id) => Regex.Match(readme, @"^\| \[" + id + @"\]\([^)]*\) \|[^|]*\|[^|]*\| (?<fix>[^|]*?) \|$", RegexOptions.Multiline).Groups["fix"].Value;
        Assert.All(perRule, m =>
        {
            var column = FixColumn(m.Groups["id"].Value);
            if (column == "Yes")
            {
                Assert.True(m.Groups["left"].Value == "0", $"{m.Value}, although README says Code fix: Yes\n{fix}");
            }
            else if (column.StartsWith("[Partial]", System.StringComparison.Ordinal))
            {
                Assert.True(m.Groups["fixed"].Value != "0", $"{m.Value}: a Partial rule fixed none of the sample's findings\n{fix}");
            }
            else
            {
                Assert.True(column == "No" && m.Groups["none"].Success, $"{m.Value}: README says '{column}'\n{fix}");
            }
        });
        var yes = perRule.Where(m => FixColumn(m.Groups["id"].Value) == "Yes").Select(m => m.Groups["id"].Value).ToHashSet();
        var (_, remaining) = await JsonFindings.AnalyzeAsync(folder.Path, project);
        Assert.All(remaining, f => Assert.False(yes.Contains(f.RuleId), $"{f.RuleId} left at {f.Path}({f.Line}) although README says Code fix: Yes\n{fix}"));
    }


    [Fact]
    public async Task Fix_dry_run_prints_a_unified_diff_changes_nothing_and_counts_what_it_fixed_and_left()
    {
        using var folder = new TempFolder();
        var sample = Samples.CopyUncheckedSends(folder.Path);
        var original = File.ReadAllText(sample);

        var result = await CliProcess.RunToolAsync(folder.Path, "fix", "--dry-run", "--rules", "WS3001");
        var tolerant = await CliProcess.RunToolAsync(folder.Path, "fix", "--dry-run", "--rules", "WS3001", "--fail-on", "none");

        Assert.True(tolerant.ExitCode == 0, tolerant.ToString());
        Assert.Equal(original, File.ReadAllText(sample));
        var lines = result.Output.Split('\n');
        Assert.Equal("--- a/UncheckedSends.cs", lines[0]);
        Assert.Equal("+++ b/UncheckedSends.cs", lines[1]);
        Assert.Matches(@"^@@ -\d+,\d+ \+\d+,\d+ @@$", lines[2]);
        Assert.Contains(lines, l => l.StartsWith('-') && l.Contains(".SendAsync(") && !l.StartsWith("---"));
        Assert.Contains(lines, l => l.StartsWith('+') && l.Contains(".State == WebSocketState.Open"));
        Assert.All(lines.Skip(3).Where(l => l.Length > 0), l => Assert.Contains(l[0], " +-@"));
        var summary = Regex.Match(result.Error, @"^WS3001: (?<fixed>[1-9]\d*) of (?<all>\d+) would be fixed, (?<left>\d+) not fixed$", RegexOptions.Multiline);
        Assert.True(summary.Success, result.ToString());
        Assert.Equal(int.Parse(summary.Groups["all"].Value), int.Parse(summary.Groups["fixed"].Value) + int.Parse(summary.Groups["left"].Value));
        Assert.Contains($"would change 1 file(s); {summary.Groups["left"].Value} finding(s) left.", result.Error);
        // What is left fails the run, as `analyze` fails on it; `--fail-on none` never fails.
        Assert.Equal(summary.Groups["left"].Value == "0" ? 0 : 1, result.ExitCode);
    }
}
