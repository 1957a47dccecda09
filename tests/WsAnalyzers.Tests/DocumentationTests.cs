using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsAnalyzers.Core;
using WsAnalyzers.Tests.FixCoverage;
using WsAnalyzers.Tests.Infrastructure;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests;

/// <summary>One source of truth per rule: descriptor, docs/rules/ID.md, README row, AnalyzerReleases entry and CHANGELOG agree.</summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AnalyzerCatalog.Rules)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => AnalyzerCatalog.Rules.Single(d => d.Id == id);

    [Fact]
    public void The_package_has_rules_and_their_ids_follow_the_contract()
    {
        var ids = AnalyzerCatalog.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches("^WS[1-6][0-9]{3}$", id));
    }

    [Fact]
    public void Every_descriptor_field_is_supported_by_an_analyzer()
    {
        var declared = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .OrderBy(id => id);
        Assert.Equal(declared, AnalyzerCatalog.Rules.Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_the_rule_page(string id) =>
        Assert.Equal($"https://github.com/wsanalyzers/wsanalyzers/blob/main/docs/rules/{id}.md", Descriptor(id).HelpLinkUri);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_exists_with_the_descriptor_title_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        var path = RepositoryPaths.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"{path} is missing");
        var text = File.ReadAllText(path);
        Assert.Equal($"# {id}: {descriptor.Title}", text.Split('\n')[0].TrimEnd());
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", text);
        Assert.Contains($"| Category | {descriptor.Category} |", text);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix violations", "## When to suppress warnings", "## Examples", "## Configuration (.editorconfig)" })
        {
            Assert.Contains(section, text);
        }

        Assert.Contains($"dotnet_diagnostic.{id}.severity", text);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Readme_table_has_a_row_that_matches_the_descriptor(string id)
    {
        var descriptor = Descriptor(id);
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var fix = !FixerCatalog.HasFix(id) ? "No" : HasShapesWithoutFix(id) ? $"[Partial](docs/rules/{id}.md#code-fix)" : "Yes";
        Assert.Contains($"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} | {fix} |", readme);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_rule_whose_fix_is_partial_says_on_its_page_when_no_fix_is_offered_and_why(string id)
    {
        var page = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", id + ".md"));
        if (FixerCatalog.HasFix(id) && HasShapesWithoutFix(id))
        {
            Assert.Contains("## Code fix", page);
            Assert.Matches(new Regex(@"No fix is offered when .+, because ", RegexOptions.Singleline), page[page.IndexOf("## Code fix", StringComparison.Ordinal)..]);
        }
    }

    /// <summary>The fix corpus has a shape of the rule marked as having no safe fix.</summary>
    private static bool HasShapesWithoutFix(string id) =>
        FixCorpus.RuleIds().Contains(id) && FixCorpus.Of(id).Any(shape => shape.HasNoFix);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Release_tracking_and_changelog_mention_the_rule(string id)
    {
        var descriptor = Descriptor(id);
        var releases = File.ReadAllText(RepositoryPaths.Combine("src", "WsAnalyzers", "AnalyzerReleases.Shipped.md")) +
                       File.ReadAllText(RepositoryPaths.Combine("src", "WsAnalyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex($@"^{id}\s*\|\s*{descriptor.Category}\s*\|\s*{descriptor.DefaultSeverity}\s*\|", RegexOptions.Multiline), releases);
        Assert.Contains(id, File.ReadAllText(RepositoryPaths.Combine("CHANGELOG.md")));
    }

    [Fact]
    public void Readme_lists_no_rule_the_package_does_not_ship()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var listed = Regex.Matches(readme, @"^\| \[(WS\d{4})\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value).OrderBy(x => x);
        Assert.Equal(AnalyzerCatalog.Rules.Select(d => d.Id), listed);
    }

    [Fact]
    public void Every_fixer_supports_Fix_All_and_fixes_a_shipped_rule()
    {
        var ids = AnalyzerCatalog.Rules.Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(FixerCatalog.Fixers);
        foreach (var fixer in FixerCatalog.Fixers)
        {
            Assert.NotNull(fixer.GetFixAllProvider());
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.NotNull(fixer.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>());
        }
    }
}
