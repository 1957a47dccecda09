using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace WsAnalyzers.Cli.Tests;

/// <summary>The repository's samples, and small copies of them for tests that change files.</summary>
internal static class Samples
{
    public static string AntiPatterns => Path.Combine(CliProcess.RepositoryRoot, "samples", "AntiPatterns");

    public static string ValidCode => Path.Combine(CliProcess.RepositoryRoot, "tests", "WsAnalyzers.ValidCode");

    /// <summary>The lines a sample marks with a trailing <c>// WS3001</c> comment, as (path relative to the repository, line).</summary>
    public static HashSet<(string Path, int Line)> MarkedLines(string directory, string ruleId)
    {
        var marker = new Regex(@"(?<!/)//\s*" + Regex.Escape(ruleId) + @"\b");
        var marked = new HashSet<(string, int)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                                 !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (marker.IsMatch(lines[i]))
                {
                    marked.Add((Path.GetRelativePath(CliProcess.RepositoryRoot, file).Replace('\\', '/'), i + 1));
                }
            }
        }

        return marked;
    }

    /// <summary>A folder without a project holding the WS3001 sample file and the library stand-ins it needs.</summary>
    public static string CopyUncheckedSends(string destination)
    {
        Directory.CreateDirectory(destination);
        var sample = Path.Combine(destination, "UncheckedSends.cs");
        File.Copy(Path.Combine(AntiPatterns, "Sending", "UncheckedSends.cs"), sample);
        foreach (var standIn in Directory.EnumerateFiles(Path.Combine(CliProcess.RepositoryRoot, "tests", "StandIns"), "*.cs"))
        {
            File.Copy(standIn, Path.Combine(destination, Path.GetFileName(standIn)));
        }

        return sample;
    }

    /// <summary>Adds a new unchecked send as the last member of the sample class.</summary>
    public static int AddUncheckedSend(string sample)
    {
        var lines = File.ReadAllLines(sample).ToList();
        var closing = lines.FindLastIndex(l => l.Trim() == "}");
        lines.Insert(closing, "    public void PublishAgain(string text) => _feed.Send(text + \"!\");");
        File.WriteAllLines(sample, lines);
        return closing + 1;
    }

    /// <summary>
    /// A copy of samples/AntiPatterns in its own folder that still builds: the build files are copied and the project's
    /// relative references to the repository are made absolute.
    /// </summary>
    public static string CopyAntiPatternsProject(string destination)
    {
        CopyDirectory(AntiPatterns, destination);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            File.Copy(Path.Combine(CliProcess.RepositoryRoot, file), Path.Combine(destination, file));
        }

        var project = Path.Combine(destination, "AntiPatterns.csproj");
        var root = CliProcess.RepositoryRoot + Path.DirectorySeparatorChar;
        File.WriteAllText(project, File.ReadAllText(project).Replace(@"..\..\", root).Replace("../../", root));
        return project;
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(destination, name));
            }
        }
    }
}
