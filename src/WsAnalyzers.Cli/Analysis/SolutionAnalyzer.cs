using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Analysis;

/// <summary>Runs the WsAnalyzers rules over every C# project of a solution with the projects' own analyzer options (.editorconfig severities included).</summary>
internal sealed class SolutionAnalyzer(string sourceRoot)
{
    // Each warning once: fix analyzes a project again after every fixer.
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    public async Task<List<Finding>> AnalyzeAsync(IReadOnlyList<Project> projects, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        for (var i = 0; i < projects.Count; i++)
        {
            Progress.Report($"Analyzing {projects[i].Name} ({i + 1}/{projects.Count})");
            foreach (var diagnostic in await DiagnosticsAsync(projects[i], cancellationToken))
            {
                findings.Add(await ToFindingAsync(projects[i], diagnostic, cancellationToken));
            }
        }

        // A multi-targeted project is loaded once per target framework: report each finding once.
        var unique = findings
            .GroupBy(f => (f.RuleId, f.FilePath, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message))
            .Select(g => g.First())
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        Fingerprints.Assign(unique);
        return unique;
    }

    /// <summary>The rules' diagnostics in one project, after .editorconfig, NoWarn and pragma suppressions.</summary>
    public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken);
        if (compilation is null)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 && _reported.TryAdd("errors:" + project.Name, 0))
        {
            Warnings.Report($"{project.Name} has {errors.Count} compiler error(s), results may be incomplete; first: {errors[0]}");
        }

        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                if (_reported.TryAdd(analyzer.GetType().Name + exception.GetType().Name, 0))
                {
                    Warnings.Report($"analyzer {analyzer.GetType().Name} failed in {project.Name}: {exception.GetType().Name}: {SdkLine(exception.Message)}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics.Where(d => AnalyzerCatalog.RulesById.ContainsKey(d.Id) && !d.IsSuppressed).ToImmutableArray();
    }

    private async Task<Finding> ToFindingAsync(Project project, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree is not { } tree)
        {
            var projectFile = project.FilePath ?? project.Name;
            return new Finding(diagnostic.Id, diagnostic.Severity, message, projectFile, RelativeTo(projectFile), 1, 1, 1, 1, string.Empty, project.Name);
        }

        var span = diagnostic.Location.GetLineSpan();
        var text = await tree.GetTextAsync(cancellationToken);
        var lineText = text.Lines[span.StartLinePosition.Line].ToString().Trim();
        var path = span.Path is { Length: > 0 } p ? Path.GetFullPath(p) : project.FilePath ?? project.Name;
        return new Finding(
            diagnostic.Id,
            diagnostic.Severity,
            message,
            path,
            RelativeTo(path),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            lineText,
            ProjectName(project));
    }

    public string RelativeTo(string path) => SourceRoot.Relative(sourceRoot, path);

    private static string ProjectName(Project project)
    {
        var name = project.Name;
        var framework = name.IndexOf('(');
        return framework > 0 ? name[..framework] : name;
    }

    private static string SdkLine(string message) => message.Split('\n')[0].Trim();
}
