using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace WsAnalyzers.RealWorld.Labels;

/// <summary>Reads the labels file: tab-separated, one label a line, a header line naming the columns, '#' comments and blank
/// lines ignored (docs/real-world.md describes the columns).</summary>
public static partial class LabelFile
{
    public static readonly string[] Columns = ["repo", "commit", "path", "line", "rule", "expected", "confidence", "why"];

    public static IReadOnlyList<Label> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new LabelFileException($"labels file not found: {path}");
        }

        return Parse(File.ReadAllLines(path), path);
    }

    public static IReadOnlyList<Label> Parse(IReadOnlyList<string> lines, string name)
    {
        var labels = new List<Label>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerSeen = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i];
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = text.Split('\t');
            var where = $"{name}:{i + 1}";
            if (!headerSeen)
            {
                if (!fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Columns))
                {
                    throw new LabelFileException($"{where}: the first line must be the header '{string.Join("\\t", Columns)}'");
                }

                headerSeen = true;
                continue;
            }

            if (fields.Length != Columns.Length)
            {
                throw new LabelFileException($"{where}: {fields.Length} fields, expected {Columns.Length} (tab-separated)");
            }

            var label = ToLabel(fields, where, i + 1);
            if (seen.TryGetValue(label.Key, out var first))
            {
                throw new LabelFileException($"{where}: the same repository, path, line and rule as line {first}");
            }

            seen[label.Key] = i + 1;
            labels.Add(label);
        }

        if (!headerSeen)
        {
            throw new LabelFileException($"{name}: no header line");
        }

        return labels;
    }

    private static Label ToLabel(string[] f, string where, int sourceLine)
    {
        var repo = f[0].Trim();
        if (!RepoName().IsMatch(repo))
        {
            throw new LabelFileException($"{where}: repo '{repo}' is not owner/name");
        }

        var commit = f[1].Trim();
        if (!CommitId().IsMatch(commit))
        {
            throw new LabelFileException($"{where}: commit '{commit}' is not 40 hex digits");
        }

        var path = f[2].Trim().Replace('\\', '/');
        if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Contains(".."))
        {
            throw new LabelFileException($"{where}: path '{path}' is not relative to the repository root");
        }

        if (!int.TryParse(f[3].Trim(), out var line) || line < 1)
        {
            throw new LabelFileException($"{where}: line '{f[3]}' is not a positive number");
        }

        var rule = f[4].Trim();
        if (!RuleId().IsMatch(rule))
        {
            throw new LabelFileException($"{where}: rule '{rule}' is not a rule ID (WS followed by four digits)");
        }

        var expected = f[5].Trim() switch
        {
            "bug" => Expectation.Bug,
            "clean" => Expectation.Clean,
            var other => throw new LabelFileException($"{where}: expected '{other}' is neither bug nor clean"),
        };
        var confidence = f[6].Trim();
        if (confidence is not ("high" or "medium"))
        {
            throw new LabelFileException($"{where}: confidence '{confidence}' is neither high nor medium");
        }

        var why = f[7].Trim();
        if (why.Length == 0)
        {
            throw new LabelFileException($"{where}: the why column is empty");
        }

        return new Label(repo, commit.ToLowerInvariant(), path, line, rule, expected, confidence, why, sourceLine);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepoName();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex CommitId();

    [GeneratedRegex("^WS[0-9]{4}$")]
    private static partial Regex RuleId();
}
