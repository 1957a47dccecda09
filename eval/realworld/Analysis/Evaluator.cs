using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsAnalyzers.RealWorld.Building;
using WsAnalyzers.RealWorld.Labels;
using WsAnalyzers.RealWorld.Projects;
using WsAnalyzers.RealWorld.Repositories;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>Materialises each labelled repository, compiles each project that holds a labelled file, runs the analyzers
/// once per compilation and judges every label: a diagnostic of the label's rule on the label's file and line.</summary>
public sealed class Evaluator(RepositorySource source, ProjectCompiler compiler, TextWriter progress)
{
    public async Task<EvaluationResult> RunAsync(IReadOnlyList<Label> labels, CancellationToken cancellationToken)
    {
        var results = new List<LabelResult>();
        var compilations = new List<CompilationResult>();
        var unlabelled = new List<UnlabelledDiagnostic>();
        var problems = new List<string>();

        foreach (var repository in labels.GroupBy(l => (l.Repo, l.Commit)).OrderBy(g => g.Key.Repo, StringComparer.OrdinalIgnoreCase))
        {
            var (repo, commit) = repository.Key;
            string root;
            try
            {
                root = await source.MaterializeAsync(repo, commit);
            }
            catch (MaterializeException e)
            {
                problems.Add(e.Message);
                results.AddRange(repository.Select(l => new LabelResult(l, Outcome.NotEvaluated, "-", e.Message)));
                continue;
            }

            var targets = new Dictionary<string, (ProjectTarget Target, List<Label> Labels)>(StringComparer.Ordinal);
            foreach (var file in repository.GroupBy(l => l.Path))
            {
                var fullPath = Path.GetFullPath(Path.Combine(root, file.Key));
                if (!File.Exists(fullPath))
                {
                    var message = $"{repo}@{commit[..12]}: no file {file.Key}";
                    problems.Add(message);
                    results.AddRange(file.Select(l => new LabelResult(l, Outcome.NotEvaluated, "-", message)));
                    continue;
                }

                try
                {
                    var target = ProjectLocator.Locate(root, fullPath);
                    if (!targets.TryGetValue(target.Key, out var entry))
                    {
                        entry = (target, []);
                        targets[target.Key] = entry;
                    }

                    entry.Labels.AddRange(file);
                }
                catch (Exception e) when (e is ProjectFileException or IOException or UnauthorizedAccessException)
                {
                    problems.Add(e.Message);
                    results.AddRange(file.Select(l => new LabelResult(l, Outcome.NotEvaluated, "-", e.Message)));
                }
            }

            foreach (var (target, targetLabels) in targets.Values)
            {
                BuiltProject built;
                try
                {
                    built = compiler.Build(target);
                }
                catch (Exception e) when (e is ProjectFileException or IOException or UnauthorizedAccessException or ArgumentException)
                {
                    // One project that cannot be compiled (a cycle, an unreadable file, trees Roslyn refuses) must not end the run.
                    var message = $"{repo}: {target.Key}: {e.GetType().Name}: {e.Message}";
                    problems.Add(message);
                    results.AddRange(targetLabels.Select(l => new LabelResult(l, Outcome.NotEvaluated, "-", message)));
                    continue;
                }

                progress.WriteLine($"  {repo}: {built.Name}: {built.Compilation.SyntaxTrees.Count()} files, {built.Errors.Count} compiler errors");
                var (diagnostics, failures) = await AnalyzerRun.RunAsync(built.Compilation, cancellationToken);
                compilations.Add(new CompilationResult(
                    repo,
                    built.Name,
                    built.Compilation.SyntaxTrees.Count(t => !t.FilePath.StartsWith(ProjectCompiler.StandInPrefix, StringComparison.Ordinal)),
                    built.Errors.Count,
                    built.Errors.Take(3).Select(e => Describe(e, root)).ToList(),
                    built.Unresolved,
                    built.StandIns,
                    failures.Select(f => Describe(f, root)).ToList()));

                Judge(repo, root, targetLabels, diagnostics, built.Name, results, unlabelled);
            }
        }

        var rules = Score(results);
        var implemented = Sum("implemented rules", rules.Where(r => r.Implemented), implemented: true);
        var notImplemented = Sum("rules not implemented yet", rules.Where(r => !r.Implemented), implemented: false);
        return new EvaluationResult(AnalyzerCatalog.Version, results.OrderBy(r => r.Label.SourceLine).ToList(), compilations, unlabelled, rules, implemented, notImplemented, problems);
    }

    private static void Judge(string repo, string root, List<Label> labels, IReadOnlyList<Diagnostic> diagnostics, string compilation, List<LabelResult> results, List<UnlabelledDiagnostic> unlabelled)
    {
        var labelled = labels.Select(l => Path.GetFullPath(Path.Combine(root, l.Path))).ToHashSet(StringComparer.Ordinal);
        var reported = diagnostics
            .Where(d => d.Location.IsInSource && labelled.Contains(d.Location.SourceTree!.FilePath))
            .Select(d => (Diagnostic: d, Path: Relative(root, d.Location.SourceTree!.FilePath), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToList();

        foreach (var label in labels)
        {
            var hit = reported.Any(r => r.Diagnostic.Id == label.Rule && r.Path == label.Path && r.Line == label.Line);
            var outcome = (label.Expected, hit) switch
            {
                (Expectation.Bug, true) => Outcome.Found,
                (Expectation.Bug, false) => Outcome.Missed,
                (Expectation.Clean, false) => Outcome.Clean,
                _ => Outcome.FalselyFlagged,
            };
            results.Add(new LabelResult(label, outcome, compilation, null));
        }

        var keys = labels.Select(l => (l.Path, l.Line, l.Rule)).ToHashSet();
        foreach (var (diagnostic, path, line) in reported.Where(r => !keys.Contains((r.Path, r.Line, r.Diagnostic.Id))).OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Line))
        {
            var code = diagnostic.Location.SourceTree!.GetText().Lines[line - 1].ToString().Trim();
            unlabelled.Add(new UnlabelledDiagnostic(repo, path, line, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), code));
        }
    }

    private static IReadOnlyList<RuleScore> Score(IEnumerable<LabelResult> results)
    {
        var implemented = AnalyzerCatalog.RulesById.Keys.ToHashSet(StringComparer.Ordinal);
        return results.GroupBy(r => r.Label.Rule)
            .Select(g => new RuleScore(
                g.Key,
                implemented.Contains(g.Key),
                g.Count(r => r.Outcome == Outcome.Found),
                g.Count(r => r.Outcome == Outcome.Missed),
                g.Count(r => r.Outcome == Outcome.Clean),
                g.Count(r => r.Outcome == Outcome.FalselyFlagged),
                g.Count(r => r.Outcome == Outcome.NotEvaluated)))
            .Concat(implemented.Where(id => !results.Any(r => r.Label.Rule == id)).Select(id => new RuleScore(id, true, 0, 0, 0, 0, 0)))
            .OrderBy(s => s.Rule, StringComparer.Ordinal)
            .ToList();
    }

    private static RuleScore Sum(string name, IEnumerable<RuleScore> scores, bool implemented)
    {
        var list = scores.ToList();
        return new RuleScore(name, implemented, list.Sum(s => s.Found), list.Sum(s => s.Missed), list.Sum(s => s.Clean), list.Sum(s => s.FalselyFlagged), list.Sum(s => s.NotEvaluated));
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Describe(Diagnostic diagnostic, string root)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        var span = diagnostic.Location.GetLineSpan();
        var path = span.Path.StartsWith(ProjectCompiler.StandInPrefix, StringComparison.Ordinal) ? span.Path : Relative(root, span.Path);
        return $"{path}:{span.StartLinePosition.Line + 1}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
