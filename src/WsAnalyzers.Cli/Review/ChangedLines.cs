using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using WsAnalyzers.Cli.Analysis;

namespace WsAnalyzers.Cli.Review;

/// <summary>
/// The lines added or changed in the work tree since a git ref (--diff REF): `git diff --unified=0 REF` for tracked
/// files, and every line of untracked files, which are new.
/// </summary>
internal sealed partial class ChangedLines
{
    private readonly Dictionary<string, List<(int Start, int End)>> _ranges;
    private readonly HashSet<string> _wholeFiles;

    private ChangedLines(Dictionary<string, List<(int, int)>> ranges, HashSet<string> wholeFiles)
    {
        _ranges = ranges;
        _wholeFiles = wholeFiles;
    }

    public static async Task<ChangedLines> SinceAsync(string reference, string directory)
    {
        var top = await Git.RunAsync(directory, "rev-parse", "--show-toplevel");
        if (top.ExitCode != 0)
        {
            throw new CliException($"--diff needs a git repository, and '{directory}' is not in one");
        }

        var root = Path.GetFullPath(top.Output.Trim());
        var verify = await Git.RunAsync(root, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}");
        if (verify.ExitCode != 0)
        {
            throw new CliException($"git ref '{reference}' not found in '{root}'");
        }

        var diff = await Git.RunAsync(root, "diff", "--no-color", "--no-ext-diff", "--unified=0", verify.Output.Trim(), "--");
        if (diff.ExitCode != 0)
        {
            throw new CliException($"git diff {reference} failed: {diff.Error.Split('\n')[0]}");
        }

        var untracked = await Git.RunAsync(root, "ls-files", "--others", "--exclude-standard", "-z");
        var whole = untracked.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Normalize(Path.Combine(root, p)))
            .ToHashSet(PathComparer);
        return new ChangedLines(Parse(root, diff.Output), whole);
    }

    public bool Contains(Finding finding)
    {
        var path = Normalize(finding.FilePath);
        if (_wholeFiles.Contains(path))
        {
            return true;
        }

        return _ranges.TryGetValue(path, out var ranges) &&
               ranges.Any(r => r.Start <= finding.EndLine && finding.Line <= r.End);
    }

    private static Dictionary<string, List<(int, int)>> Parse(string root, string diff)
    {
        var ranges = new Dictionary<string, List<(int, int)>>(PathComparer);
        List<(int, int)>? current = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var target = line[4..].TrimEnd('\r');
                current = target == "/dev/null" ? null : Add(ranges, Normalize(Path.Combine(root, target.StartsWith("b/", StringComparison.Ordinal) ? target[2..] : target)));
            }
            else if (current is not null && Hunk().Match(line) is { Success: true } hunk)
            {
                var start = int.Parse(hunk.Groups["start"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var count = hunk.Groups["count"].Success ? int.Parse(hunk.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    current.Add((start, start + count - 1));
                }
            }
        }

        return ranges;
    }

    private static List<(int, int)> Add(Dictionary<string, List<(int, int)>> ranges, string path)
    {
        if (!ranges.TryGetValue(path, out var list))
        {
            ranges[path] = list = [];
        }

        return list;
    }

    private static string Normalize(string path) => Path.GetFullPath(path);

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(?<start>\d+)(?:,(?<count>\d+))? @@")]
    private static partial Regex Hunk();
}
