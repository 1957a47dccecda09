using System;
using System.IO;
using System.Linq;

namespace WsAnalyzers.RealWorld.Projects;

/// <summary>Finds the project that compiles a labelled file: the nearest project file, walking up from the file's folder to
/// the repository root, whose source set contains the file. Without one (Unity assets, loose samples) the file's folder is
/// compiled as it is: from the nearest Assets folder above it, else from its own folder.</summary>
public static class ProjectLocator
{
    public static ProjectTarget Locate(string repositoryRoot, string file)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var fullFile = Path.GetFullPath(file);
        for (var folder = Path.GetDirectoryName(fullFile); folder is not null && folder.StartsWith(root, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
        {
            foreach (var projectPath in Directory.EnumerateFiles(folder, "*.csproj").OrderBy(p => p, StringComparer.Ordinal))
            {
                var project = ProjectFile.Load(projectPath);
                if (SourceSet.Of(project).Contains(fullFile, StringComparer.Ordinal))
                {
                    return ProjectTarget.ForProject(project);
                }
            }
        }

        var assets = Ancestors(fullFile, root).FirstOrDefault(f => Path.GetFileName(f).Equals("Assets", StringComparison.Ordinal));
        return ProjectTarget.ForFolder(assets ?? Path.GetDirectoryName(fullFile)!);
    }

    private static System.Collections.Generic.IEnumerable<string> Ancestors(string file, string root)
    {
        for (var folder = Path.GetDirectoryName(file); folder is not null && folder.StartsWith(root, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
        {
            yield return folder;
        }
    }
}
