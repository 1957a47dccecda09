using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using WsAnalyzers.Tests.Infrastructure;

namespace WsAnalyzers.Tests.FixCoverage;

/// <summary>
/// The fix-coverage corpus: <c>tests/WsAnalyzers.Tests/FixCoverage/Corpus/&lt;rule ID&gt;/&lt;shape&gt;.cs</c>, one
/// shape of a rule's mistake per file, as real code writes it (not compiled into the tests). A file may state what its
/// fixed code must still contain, so that a fix that compiles but breaks the WebSocket logic is caught:
/// <c>// fixed: &lt;text&gt;</c> (the text must be in the fixed file) and <c>// fixed-not: &lt;text&gt;</c> (must not).
/// A shape for which no safe fix exists says why with <c>// no-fix: &lt;why&gt;</c>; the rule's README row then reads
/// "Partial" and its page has a "Code fix" section saying when no fix is offered. A shape of a rule on an API .NET 9
/// added says <c>// framework: net9.0</c> and compiles against .NET 9 (<see cref="FixWorkspace.FrameworkOf"/>).
/// </summary>
internal sealed record FixCorpus(string RuleId, string Shape, string Path, string Source)
{
    public static string Root { get; } = RepositoryPaths.Combine("tests", "WsAnalyzers.Tests", "FixCoverage", "Corpus");

    public static IReadOnlyList<string> RuleIds() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    public static IReadOnlyList<FixCorpus> Of(string ruleId) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Root, ruleId), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => new FixCorpus(ruleId, System.IO.Path.GetFileNameWithoutExtension(path), path, File.ReadAllText(path)))
            .ToList();

    /// <summary>The shape is one the rule page documents as having no safe fix (<c>// no-fix: &lt;why&gt;</c>).</summary>
    public bool HasNoFix => Source.Contains("// no-fix: ", StringComparison.Ordinal);

    public ImmutableArray<string> MustContain => Expectations("// fixed: ");

    public ImmutableArray<string> MustNotContain => Expectations("// fixed-not: ");

    private ImmutableArray<string> Expectations(string prefix) =>
        Source.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[prefix.Length..].Trim())
            .ToImmutableArray();
}
