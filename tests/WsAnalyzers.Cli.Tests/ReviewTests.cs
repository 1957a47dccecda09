using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class ReviewTests
{
    [Fact]
    public async Task Baseline_hides_known_findings_after_lines_shift_and_shows_new_ones()
    {
        using var folder = new TempFolder();
        var sample = Samples.CopyUncheckedSends(folder.Combine("code"));
        var baseline = folder.Combine("baseline.json");

        var (written, known) = await JsonFindings.AnalyzeAsync(folder.Path, "code", "--rules", "WS3001", "--write-baseline", baseline);
        Assert.Equal(1, written.ExitCode);
        Assert.NotEmpty(known);
        Assert.True(File.Exists(baseline));

        var (same, none) = await JsonFindings.AnalyzeAsync(folder.Path, "code", "--rules", "WS3001", "--baseline", baseline);
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Empty(none);

        // Shift every finding down; the baseline must still match them.
        File.WriteAllText(sample, "// moved\n\n\n" + File.ReadAllText(sample));
        var newLine = Samples.AddUncheckedSend(sample);
        var (changed, fresh) = await JsonFindings.AnalyzeAsync(folder.Path, "code", "--rules", "WS3001", "--baseline", baseline);

        Assert.True(changed.ExitCode == 1, changed.ToString());
        var finding = Assert.Single(fresh);
        Assert.Equal(("WS3001", "UncheckedSends.cs", newLine), (finding.RuleId, finding.Path, finding.Line));
        Assert.Equal(known.Count, JsonFindings.Summary(changed.Output, "hiddenByBaseline"));
    }

    [Fact]
    public async Task Diff_reports_only_findings_on_lines_changed_since_the_ref()
    {
        using var folder = new TempFolder();
        var sample = Samples.CopyUncheckedSends(folder.Path);
        await GitAsync(folder.Path, "init", "--quiet");
        await GitAsync(folder.Path, "add", ".");
        await GitAsync(folder.Path, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "--quiet", "-m", "sample");

        var (unchanged, nothing) = await JsonFindings.AnalyzeAsync(folder.Path, "--rules", "WS3001", "--diff", "HEAD");
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Empty(nothing);

        var newLine = Samples.AddUncheckedSend(sample);
        var untracked = folder.Combine("Untracked.cs");
        File.WriteAllText(untracked, File.ReadAllText(sample).Replace("class UncheckedSends", "class UntrackedSends"));
        var (changed, findings) = await JsonFindings.AnalyzeAsync(folder.Path, "--rules", "WS3001", "--diff", "HEAD");

        // The new send in the committed file, and every send of the new, untracked file; nothing that was committed.
        Assert.True(changed.ExitCode == 1, changed.ToString());
        var expected = Samples.MarkedLines(folder.Path, "WS3001")
            .Where(m => m.Path.EndsWith("Untracked.cs"))
            .Select(m => m.Line)
            .Append(newLine)
            .Select(line => ("Untracked.cs", line))
            .Append(("UncheckedSends.cs", newLine))
            .Order();
        Assert.Equal(expected, findings.Select(f => (f.Path, f.Line)).Order());
        Assert.True(JsonFindings.Summary(changed.Output, "outsideDiff") > 0, changed.ToString());
    }

    private static async Task GitAsync(string directory, params string[] arguments)
    {
        var result = await CliProcess.RunAsync("git", directory, arguments);
        Assert.True(result.ExitCode == 0, "git " + string.Join(' ', arguments) + ": " + result);
    }
}
