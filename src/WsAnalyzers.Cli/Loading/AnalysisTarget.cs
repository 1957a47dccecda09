using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WsAnalyzers.Cli.Loading;

internal enum TargetKind
{
    Solution,
    Project,
    /// <summary>A folder without a solution or a single project of its own, whose projects are in subfolders: a repository root.</summary>
    ProjectTree,
    LooseFiles,
}

/// <summary>What the user pointed at: a solution, a project, a folder with projects below it, or a folder of C# files
/// without any project.</summary>
internal sealed record AnalysisTarget(TargetKind Kind, string FullPath, string Directory)
{
    /// <summary>The C# projects a solution lists, once it is loaded, or those of a project tree.</summary>
    public IReadOnlySet<string>? SolutionProjects { get; init; }

    /// <summary>The project files of a <see cref="TargetKind.ProjectTree"/>, in path order.</summary>
    public IReadOnlyList<string> TreeProjects { get; init; } = [];

    /// <summary>
    /// A project target analyzes that project only and a solution the projects it lists, not the projects they
    /// reference from elsewhere (MSBuildWorkspace loads those too).
    /// </summary>
    public bool Includes(Microsoft.CodeAnalysis.Project project) =>
        project.Language == Microsoft.CodeAnalysis.LanguageNames.CSharp &&
        Kind switch
        {
            TargetKind.Project => string.Equals(project.FilePath, FullPath, StringComparison.Ordinal),
            TargetKind.Solution or TargetKind.ProjectTree => SolutionProjects is null || (project.FilePath is { } path && SolutionProjects.Contains(path)),
            _ => true,
        };

    public static AnalysisTarget Resolve(string? path)
    {
        var given = string.IsNullOrEmpty(path) ? "." : path;
        var full = Path.GetFullPath(given);
        if (File.Exists(full))
        {
            return Path.GetExtension(full).ToLowerInvariant() switch
            {
                ".sln" or ".slnx" => new AnalysisTarget(TargetKind.Solution, full, Path.GetDirectoryName(full)!),
                ".csproj" => new AnalysisTarget(TargetKind.Project, full, Path.GetDirectoryName(full)!),
                _ => throw new CliException($"'{given}' is not a .sln, .slnx or .csproj file, nor a folder"),
            };
        }

        if (!System.IO.Directory.Exists(full))
        {
            throw new CliException($"path '{given}' does not exist");
        }

        var solutions = System.IO.Directory.GetFiles(full, "*.sln").Concat(System.IO.Directory.GetFiles(full, "*.slnx")).ToArray();
        if (solutions.Length > 1)
        {
            throw new CliException($"folder '{given}' has {solutions.Length} solution files: name the one to analyze");
        }

        if (solutions.Length == 1)
        {
            return new AnalysisTarget(TargetKind.Solution, solutions[0], full);
        }

        var projects = System.IO.Directory.GetFiles(full, "*.csproj");
        if (projects.Length == 1)
        {
            return new AnalysisTarget(TargetKind.Project, projects[0], full);
        }

        // A folder that holds projects without a solution, in subfolders or several side by side, is a repository:
        // its projects are loaded, so that each file compiles as its project builds it.
        var tree = LooseFiles.Enumerate(full, "*.csproj").ToList();
        if (tree.Count > 0)
        {
            return new AnalysisTarget(TargetKind.ProjectTree, full, full) { TreeProjects = tree };
        }

        if (!LooseFiles.Enumerate(full).Any())
        {
            throw new CliException($"folder '{given}' has no solution, no C# project and no C# file");
        }

        return new AnalysisTarget(TargetKind.LooseFiles, full, full);
    }
}
