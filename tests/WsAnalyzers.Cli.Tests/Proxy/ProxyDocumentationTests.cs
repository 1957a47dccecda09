using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>
/// One source of truth per proxy rule, as DocumentationTests holds the analyzer rules to it: the catalogue that
/// `rules --format json` lists for check-proxy, docs/rules/ID.md, the README row and the CHANGELOG agree, and each
/// page's Before example is flagged with its rule while its After example is clean.
/// </summary>
public sealed class ProxyDocumentationTests
{
    private static readonly Lazy<Task<List<(string Id, string Title, string Severity, string Category, bool Fix, string Help)>>> Catalogue = new(async () =>
    {
        var result = await CliProcess.RunToolAsync(CliProcess.RepositoryRoot, "rules", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("command").GetString() == "check-proxy")
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("title").GetString()!, r.GetProperty("severity").GetString()!,
                          r.GetProperty("category").GetString()!, r.GetProperty("codeFix").GetBoolean(), r.GetProperty("helpUri").GetString()!))
            .ToList();
    });

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in PageIds())
        {
            data.Add(id);
        }

        return data;
    }

    private static List<string> PageIds() =>
        Directory.EnumerateFiles(Path.Combine(CliProcess.RepositoryRoot, "docs", "rules"), "WSP*.md").Select(p => Path.GetFileNameWithoutExtension(p)!).Order().ToList();

    [Fact]
    public async Task Catalogue_pages_and_readme_rows_list_the_same_rules_with_WSP_ids()
    {
        var ids = (await Catalogue.Value).Select(r => r.Id).Order().ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches("^WSP[1-3][0-9]{3}$", id));
        Assert.Equal(ids, PageIds());
        var readme = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "README.md"));
        var rows = Regex.Matches(readme, @"^\| \[(WSP\d{4})\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order();
        Assert.Equal(ids, rows);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Page_readme_row_help_link_and_changelog_match_the_catalogue(string id)
    {
        var rule = (await Catalogue.Value).Single(r => r.Id == id);
        var severity = char.ToUpperInvariant(rule.Severity[0]) + rule.Severity[1..];
        var page = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "docs", "rules", id + ".md"));
        Assert.Equal($"# {id}: {rule.Title}", page.Split('\n')[0].TrimEnd());
        Assert.Contains($"| Default severity | {severity} |", page);
        Assert.Contains($"| Category | {rule.Category} |", page);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix violations", "## When to suppress warnings", "## Examples", "## Related rules" })
        {
            Assert.Contains(section, page);
        }

        Assert.Equal($"https://github.com/wsanalyzers/wsanalyzers/blob/main/docs/rules/{id}.md", rule.Help);
        var readme = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "README.md"));
        Assert.Contains($"| [{id}](docs/rules/{id}.md) | {rule.Title} | {severity} | {(rule.Fix ? "Yes" : "No")} |", readme);
        Assert.Contains(id, File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "CHANGELOG.md")));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Before_example_is_flagged_with_the_rule_and_after_example_is_clean(string id)
    {
        var page = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "docs", "rules", id + ".md"));
        var before = Regex.Match(page, "Before:\\s*```(\\w+)\\n(.*?)```", RegexOptions.Singleline);
        var after = Regex.Match(page, "After:\\s*```(\\w+)\\n(.*?)```", RegexOptions.Singleline);
        Assert.True(before.Success && after.Success, "the page has no Before: / After: code blocks");

        using var folder = new TempFolder();
        var (beforeResult, beforeFindings) = await CheckExampleAsync(folder, "before", before.Groups[1].Value, before.Groups[2].Value);
        Assert.True(beforeFindings.Any(f => f.RuleId == id), beforeResult.ToString());
        var (afterResult, afterFindings) = await CheckExampleAsync(folder, "after", after.Groups[1].Value, after.Groups[2].Value);
        Assert.True(afterFindings.Count == 0, afterResult.ToString());
    }

    private static Task<(CliResult, List<JsonFinding>)> CheckExampleAsync(TempFolder folder, string name, string language, string text)
    {
        Directory.CreateDirectory(folder.Combine(name));
        var file = language switch
        {
            "nginx" => folder.Combine(name, "site.conf"),
            "haproxy" => folder.Combine(name, "haproxy.cfg"),
            _ => folder.Combine(name, "appsettings.json"),
        };
        File.WriteAllText(file, text);
        return CheckProxyRun.RunAsync(folder.Path, file);
    }
}
