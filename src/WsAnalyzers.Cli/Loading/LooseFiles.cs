using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WsAnalyzers.Cli.Loading;

/// <summary>The files of a folder and its subfolders, leaving out build output and tool folders.</summary>
internal static class LooseFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", "node_modules" };

    /// <summary>The files matching <paramref name="pattern"/> (C# files by default), in path order.</summary>
    public static IEnumerable<string> Enumerate(string directory, string pattern = "*.cs") =>
        Walk(directory, pattern).OrderBy(path => path, StringComparer.Ordinal);

    /// <summary>The .editorconfig files that apply to the folder: its own and its subfolders', and those of its parents.</summary>
    public static IEnumerable<string> EditorConfigs(string directory)
    {
        var found = new List<string>();
        for (var parent = new DirectoryInfo(directory).Parent; parent is not null; parent = parent.Parent)
        {
            var candidate = Path.Combine(parent.FullName, ".editorconfig");
            if (File.Exists(candidate))
            {
                found.Add(candidate);
            }
        }

        found.AddRange(Walk(directory, ".editorconfig"));
        return found;
    }

    private static IEnumerable<string> Walk(string directory, string pattern = "*.cs")
    {
        foreach (var file in Directory.EnumerateFiles(directory, pattern))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child)))
            {
                foreach (var file in Walk(child, pattern))
                {
                    yield return file;
                }
            }
        }
    }
}
