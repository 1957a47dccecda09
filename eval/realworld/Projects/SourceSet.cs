using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WsAnalyzers.RealWorld.Projects;

/// <summary>The C# files a project compiles. SDK-style: every .cs under the project folder (bin/ and obj/ excluded) unless
/// EnableDefaultCompileItems is false, minus Compile Remove, plus Compile Include. Folders that hold another project file are
/// left out too (the SDK would compile them, and then fail on duplicate types: such repositories do not build either way).
/// Old-style: the Compile items only.</summary>
public static class SourceSet
{
    public static IReadOnlyList<string> Of(ProjectFile project)
    {
        var folder = project.Folder;
        var files = new List<string>();
        if (project.IsSdkStyle && !(project.Property("EnableDefaultCompileItems") is { } v && v.Equals("false", StringComparison.OrdinalIgnoreCase)))
        {
            files.AddRange(CSharpFilesUnder(folder, skipNestedProjects: true));
        }

        foreach (var include in project.ItemsOf("Compile").Where(i => i.Include is not null).SelectMany(i => Split(i.Include!)))
        {
            files.AddRange(Expand(folder, include));
        }

        var removes = project.ItemsOf("Compile").Where(i => i.Remove is not null).SelectMany(i => Split(i.Remove!)).Select(Glob.ToRegex).ToList();
        return files
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .Where(f => !removes.Any(r => r.IsMatch(Relative(folder, f))))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every .cs under <paramref name="folder"/> except bin/, obj/, .git/ and, when asked, folders with their own project file.</summary>
    public static IEnumerable<string> CSharpFilesUnder(string folder, bool skipNestedProjects)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current, "*.cs"))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(current))
            {
                var name = Path.GetFileName(sub);
                if (name.Equals("bin", StringComparison.OrdinalIgnoreCase) || name.Equals("obj", StringComparison.OrdinalIgnoreCase) || name.StartsWith('.'))
                {
                    continue;
                }

                if (skipNestedProjects && Directory.EnumerateFiles(sub, "*.csproj").Any())
                {
                    continue;
                }

                pending.Push(sub);
            }
        }
    }

    public static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    private static IEnumerable<string> Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => !v.Contains("$(", StringComparison.Ordinal));

    private static IEnumerable<string> Expand(string folder, string include)
    {
        var pattern = include.Replace('\\', '/');
        if (!Glob.HasWildcard(pattern))
        {
            var path = Path.GetFullPath(Path.Combine(folder, pattern));
            return File.Exists(path) && path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? [path] : [];
        }

        // The fixed folder part before the first wildcard is where the search starts (it may be outside the project folder).
        var firstWildcard = pattern.IndexOfAny(['*', '?']);
        var slash = pattern.LastIndexOf('/', firstWildcard);
        var baseFolder = Path.GetFullPath(Path.Combine(folder, slash < 0 ? "." : pattern[..slash]));
        if (!Directory.Exists(baseFolder))
        {
            return [];
        }

        var rest = Glob.ToRegex(slash < 0 ? pattern : pattern[(slash + 1)..]);
        return CSharpFilesUnder(baseFolder, skipNestedProjects: false).Where(f => rest.IsMatch(Relative(baseFolder, f)));
    }
}
