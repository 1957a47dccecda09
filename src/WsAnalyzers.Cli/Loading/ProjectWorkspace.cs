using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace WsAnalyzers.Cli.Loading;

/// <summary>Loads a solution or project with MSBuildWorkspace and turns the workspace's own load failures into one clear error.</summary>
internal static class ProjectWorkspace
{
    public static async Task<(AnalysisTarget Target, Workspace Workspace)> OpenAsync(AnalysisTarget target, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        // A project is analyzed alone: its project references are only needed as metadata (their built output when it
        // exists), which saves a design-time build per reference.
        workspace.LoadMetadataForReferencedProjects = target.Kind == TargetKind.Project;
        var progress = new Progress<ProjectLoadProgress>(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
            {
                var framework = p.TargetFramework is null ? string.Empty : $" ({p.TargetFramework})";
                Progress.Report($"Loaded {Restore.Relative(p.FilePath)}{framework}");
            }
        });

        try
        {
            if (target.Kind == TargetKind.Solution)
            {
                await workspace.OpenSolutionAsync(target.FullPath, progress, cancellationToken);
            }
            else if (target.Kind == TargetKind.ProjectTree)
            {
                // A project that an earlier one references is already loaded with it.
                foreach (var project in target.TreeProjects)
                {
                    if (!workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, project, StringComparison.Ordinal)))
                    {
                        await workspace.OpenProjectAsync(project, progress, cancellationToken);
                    }
                }
            }
            else
            {
                await workspace.OpenProjectAsync(target.FullPath, progress, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            workspace.Dispose();
            throw new CliException($"cannot load '{Restore.Relative(target.FullPath)}': {SdkRegistration.FirstLine(e.Message)}");
        }

        // MSBuildWorkspace reports every MSBuild message of a design-time build as a "failure", warnings included
        // (NU1603 and the like), so a project counts as failed only when it did not load; the rest is shown as notes.
        var messages = workspace.Diagnostics.Select(d => d.Message).ToList();
        // A project that MSBuild could not evaluate is either missing or added empty, with the reason in the messages.
        var loaded = workspace.CurrentSolution.Projects
            .Where(p => p.FilePath is not null)
            .GroupBy(p => p.FilePath!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(p => p.DocumentIds.Count > 0), StringComparer.Ordinal);
        var expected = await Restore.ProjectFilesAsync(target, cancellationToken);
        var missing = expected.FirstOrDefault(p =>
            !loaded.TryGetValue(p, out var hasDocuments) || (!hasDocuments && messages.Any(m => m.Contains(p, StringComparison.Ordinal))));
        if (missing is not null)
        {
            workspace.Dispose();
            var reason = messages.FirstOrDefault(m => m.Contains(missing, StringComparison.Ordinal)) ?? messages.FirstOrDefault() ?? "MSBuild gave no reason";
            throw new CliException($"cannot load '{Restore.Relative(missing)}': {MSBuildMessage(reason)}");
        }

        foreach (var message in messages.Distinct())
        {
            Progress.Report("note: " + MSBuildMessage(message));
        }

        if (!workspace.CurrentSolution.Projects.Any(p => p.Language == LanguageNames.CSharp))
        {
            workspace.Dispose();
            throw new CliException($"'{Restore.Relative(target.FullPath)}' has no C# project");
        }

        return (target with { SolutionProjects = expected.ToHashSet(StringComparer.Ordinal) }, workspace);
    }

    /// <summary>The MSBuild message inside the workspace's "Msbuild failed when processing the file '…' with message: …" wrapper.</summary>
    private static string MSBuildMessage(string message)
    {
        const string marker = "with message: ";
        var index = message.IndexOf(marker, StringComparison.Ordinal);
        return SdkRegistration.FirstLine(index >= 0 ? message[(index + marker.Length)..] : message);
    }
}
