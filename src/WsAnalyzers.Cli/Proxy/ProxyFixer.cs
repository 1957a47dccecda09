using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>Applies the fixes of the reported issues to the texts of their files; overlapping edits keep the first.</summary>
internal static class ProxyFixer
{
    public sealed record FileChange(ConfigFile File, string NewText);

    public static (List<FileChange> Changes, HashSet<ProxyIssue> Fixed) Apply(IEnumerable<ProxyIssue> issues)
    {
        var fixedIssues = new HashSet<ProxyIssue>();
        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        foreach (var issue in issues.Where(i => i.Fix.Length > 0))
        {
            var accepted = true;
            foreach (var edit in issue.Fix)
            {
                var list = edits.TryGetValue(edit.File.Path, out var existing) ? existing : edits[edit.File.Path] = [];
                if (list.Contains(edit))
                {
                    continue;
                }

                // An edit overlapping another (two fixes of one directive) waits for the next run.
                if (list.Any(e => Overlaps(e, edit)))
                {
                    accepted = false;
                    continue;
                }

                list.Add(edit);
            }

            if (accepted)
            {
                fixedIssues.Add(issue);
            }
        }

        var changes = new List<FileChange>();
        foreach (var (_, list) in edits.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var file = list[0].File;
            var text = file.Text;
            // Insertions at one offset keep the order the rules produced them in.
            foreach (var edit in list.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Offset).ThenByDescending(x => x.i).Select(x => x.e))
            {
                text = text[..edit.Offset] + edit.NewText + text[(edit.Offset + edit.Length)..];
            }

            if (text != file.Text)
            {
                changes.Add(new FileChange(file, text));
            }
        }

        return (changes, fixedIssues);
    }

    private static bool Overlaps(TextEdit a, TextEdit b) =>
        a.Length > 0 && b.Length > 0 ? a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length
        : a.Length > 0 ? b.Offset > a.Offset && b.Offset < a.Offset + a.Length
        : b.Length > 0 && a.Offset > b.Offset && a.Offset < b.Offset + b.Length;
}
