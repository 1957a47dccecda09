using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Fixing;

/// <summary>
/// Applies every fixer through its Fix All provider, project by project, as `dotnet format analyzers` does: the fix
/// with the fixer's own equivalence key, for all of its diagnostics in the project at once.
/// </summary>
internal sealed class SolutionFixer(SolutionAnalyzer analyzer, RuleSelection selection)
{
    public async Task<Solution> FixAsync(Solution solution, System.Func<Project, bool> includes, CancellationToken cancellationToken)
    {
        foreach (var projectId in solution.Projects.Where(includes).Select(p => p.Id).ToList())
        {
            foreach (var fixer in FixerCatalog.Fixers)
            {
                var project = solution.GetProject(projectId)!;
                var ids = fixer.FixableDiagnosticIds.Where(selection.IsSelected).ToImmutableHashSet();
                if (ids.IsEmpty)
                {
                    continue;
                }

                var diagnostics = (await analyzer.DiagnosticsAsync(project, cancellationToken))
                    .Where(d => ids.Contains(d.Id) && selection.IsReported(d))
                    .ToImmutableArray();
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                Progress.Report($"Fixing {diagnostics.Length} {string.Join(", ", diagnostics.Select(d => d.Id).Distinct().Order())} in {project.Name}");
                solution = await FixAllAsync(project, fixer, ids, diagnostics, cancellationToken) ?? solution;
            }
        }

        return solution;
    }

    private static async Task<Solution?> FixAllAsync(
        Project project, CodeFixProvider fixer, ImmutableHashSet<string> ids, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (fixer.GetFixAllProvider() is not { } fixAll)
        {
            Warnings.Report($"{fixer.GetType().Name} has no Fix All provider; its findings are left as they are");
            return null;
        }

        var equivalenceKey = await EquivalenceKeyAsync(project, fixer, diagnostics, cancellationToken);
        if (equivalenceKey is null)
        {
            return null;
        }

        var context = new FixAllContext(
            project, fixer, FixAllScope.Project, equivalenceKey, ids, new KnownDiagnostics(diagnostics), cancellationToken);
        if (await fixAll.GetFixAsync(context) is not { } action)
        {
            return null;
        }

        var operations = await action.GetOperationsAsync(cancellationToken);
        return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
    }

    /// <summary>The equivalence key of the first fix the fixer offers: Fix All applies that same fix everywhere.</summary>
    private static async Task<string?> EquivalenceKeyAsync(
        Project project, CodeFixProvider fixer, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (project.GetDocument(diagnostic.Location.SourceTree) is not { } document)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken));
            if (actions.FirstOrDefault(a => a.EquivalenceKey is not null) is { } first)
            {
                return first.EquivalenceKey;
            }
        }

        return null;
    }

    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
