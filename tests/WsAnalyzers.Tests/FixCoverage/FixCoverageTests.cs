using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Tooling;
using Xunit.Abstractions;

namespace WsAnalyzers.Tests.FixCoverage;

/// <summary>
/// Whether the README's "Code fix" column holds on code shaped as real code is (<see cref="FixCorpus"/>): each finding of a
/// rule with a fixer gets a fix; each fix, alone and through Fix All, compiles, clears its diagnostic, adds no other
/// WsAnalyzers diagnostic and keeps what the shape says the fixed code must contain. A shape whose file says
/// <c>// no-fix: &lt;why&gt;</c> is one the rule page documents as having no safe fix: it must get none.
/// </summary>
public sealed class FixCoverageTests(ITestOutputHelper output)
{
    private const int MinimumShapes = 6;
    private const double MinimumCoverage = 0.95;

    public static TheoryData<string> Rules()
    {
        var data = new TheoryData<string>();
        foreach (var id in FixCorpus.RuleIds())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Every_fix_compiles_clears_its_diagnostic_adds_no_other_and_keeps_the_shape_working(string ruleId)
    {
        Assert.True(FixerCatalog.HasFix(ruleId), $"{ruleId} has a fix corpus but no fixer");
        var shapes = FixCorpus.Of(ruleId);
        Assert.True(shapes.Count >= MinimumShapes, $"{ruleId}: {shapes.Count} shape(s) in the fix corpus, at least {MinimumShapes} wanted");

        var problems = new List<string>();
        foreach (var shape in shapes)
        {
            problems.AddRange((await CheckAsync(shape)).Select(p => $"{ruleId}/{shape.Shape}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task At_least_95_percent_of_the_findings_of_rules_with_a_fix_get_one()
    {
        var table = new StringBuilder();
        var (findings, fixable) = (0, 0);
        foreach (var ruleId in FixCorpus.RuleIds())
        {
            var (ruleFindings, ruleFixable) = (0, 0);
            foreach (var shape in FixCorpus.Of(ruleId))
            {
                var document = FixWorkspace.Create(shape.Path, shape.Source);
                foreach (var diagnostic in (await FixWorkspace.DiagnosticsAsync(document)).Where(d => d.Id == ruleId))
                {
                    ruleFindings++;
                    ruleFixable += (await FixWorkspace.ActionsAsync(document, diagnostic)).IsEmpty ? 0 : 1;
                }
            }

            table.AppendLine($"{ruleId}: {ruleFixable} of {ruleFindings} findings get a fix");
            (findings, fixable) = (findings + ruleFindings, fixable + ruleFixable);
        }

        table.AppendLine($"all: {fixable} of {findings}");
        output.WriteLine(table.ToString());
        Assert.True(findings > 0, "the fix corpus is empty");
        Assert.True(fixable >= MinimumCoverage * findings, table.ToString());
    }

    private static async Task<List<string>> CheckAsync(FixCorpus shape)
    {
        var problems = new List<string>();
        var document = FixWorkspace.Create(shape.Path, shape.Source);
        var errors = await FixWorkspace.CompilerErrorsAsync(document);
        if (!errors.IsEmpty)
        {
            return [$"the shape does not compile: {errors[0]}"];
        }

        var before = await FixWorkspace.DiagnosticsAsync(document);
        var ofRule = before.Where(d => d.Id == shape.RuleId).ToList();
        if (ofRule.Count == 0)
        {
            return [$"no {shape.RuleId} finding: the shape is not the rule's mistake, or the rule misses it"];
        }

        var noFix = shape.HasNoFix;
        var fixers = new HashSet<Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider>();
        foreach (var diagnostic in ofRule)
        {
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
            var actions = await FixWorkspace.ActionsAsync(document, diagnostic);
            if (noFix)
            {
                if (!actions.IsEmpty)
                {
                    problems.Add($"line {line}: marked no-fix, but {actions.Length} fix(es) are offered");
                }

                continue;
            }

            if (actions.IsEmpty)
            {
                problems.Add($"line {line}: no fix is offered");
                continue;
            }

            foreach (var (fixer, action) in actions)
            {
                fixers.Add(fixer);
                var fixedDocument = await FixWorkspace.ApplyAsync(document, action);
                problems.AddRange((await JudgeAsync(shape, before, fixedDocument, allowedLeft: ofRule.Count - 1))
                    .Select(p => $"line {line}, fix '{action.Title}': {p}"));
            }
        }

        foreach (var fixer in fixers)
        {
            var fixedAll = await FixWorkspace.FixAllAsync(document, fixer, shape.RuleId, before);
            if (fixedAll is null)
            {
                problems.Add($"{fixer.GetType().Name} offers no Fix All");
                continue;
            }

            problems.AddRange((await JudgeAsync(shape, before, fixedAll, allowedLeft: 0)).Select(p => $"Fix All: {p}"));
        }

        return problems;
    }

    /// <summary>What is wrong with <paramref name="fixedDocument"/>: compiler errors, the rule's findings not down to
    /// <paramref name="allowedLeft"/>, another rule's findings up, or the shape's expectations broken.</summary>
    private static async Task<List<string>> JudgeAsync(FixCorpus shape, IEnumerable<Diagnostic> before, Document fixedDocument, int allowedLeft)
    {
        var problems = new List<string>();
        var text = string.Join('\n', (await fixedDocument.GetTextAsync()).ToString().Split('\n')
            .Where(line => !line.TrimStart().StartsWith("// fixed", StringComparison.Ordinal)));
        var errors = await FixWorkspace.CompilerErrorsAsync(fixedDocument);
        if (!errors.IsEmpty)
        {
            problems.Add($"the fixed code does not compile: {errors[0]}\n{text}");
            return problems;
        }

        var was = FixWorkspace.Counts(before);
        var now = FixWorkspace.Counts(await FixWorkspace.DiagnosticsAsync(fixedDocument));
        if (now.GetValueOrDefault(shape.RuleId) > allowedLeft)
        {
            problems.Add($"{now[shape.RuleId]} {shape.RuleId} finding(s) left, at most {allowedLeft} expected\n{text}");
        }

        foreach (var (id, count) in now.Where(c => c.Key != shape.RuleId && c.Value > was.GetValueOrDefault(c.Key)))
        {
            problems.Add($"the fix adds {count - was.GetValueOrDefault(id)} {id} finding(s)\n{text}");
        }

        problems.AddRange(shape.MustContain.Where(t => !text.Contains(t, StringComparison.Ordinal)).Select(t => $"the fixed code lost '{t}'\n{text}"));
        problems.AddRange(shape.MustNotContain.Where(t => text.Contains(t, StringComparison.Ordinal)).Select(t => $"the fixed code has '{t}'\n{text}"));
        return problems;
    }
}
