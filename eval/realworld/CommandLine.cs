using System;
using System.Collections.Generic;
using System.IO;

namespace WsAnalyzers.RealWorld;

/// <summary>The command's options. Unknown or incomplete arguments are an error with the usage text, never a guess.</summary>
public sealed record CommandLine(string Labels, string? Mirrors, string WorkFolder, string? Json, bool AllowClone, string? Repo, bool EveryLabel)
{
    public const string Usage =
        """
        usage: dotnet run --project eval/realworld -- [options]
          --labels FILE    the labels file (default: eval/realworld/labels.tsv under the current folder)
          --mirrors DIR    local git mirrors, one folder per repository: DIR/owner+name/repo (bare or with .git)
          --clone          clone https://github.com/owner/name for a repository without a mirror
          --work DIR       where repositories are materialised (default: the temp folder's wsanalyzers-realworld)
          --json FILE      also write the result as JSON
          --repo NAME      evaluate only the labels of repository NAME (owner/name)
          --all            list every label's outcome, not only the missed and falsely flagged ones
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var labels = Path.Combine("eval", "realworld", "labels.tsv");
        string? mirrors = null;
        var work = Path.Combine(Path.GetTempPath(), "wsanalyzers-realworld");
        string? json = null;
        string? repo = null;
        var clone = false;
        var every = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--labels": labels = Value(); break;
                case "--mirrors": mirrors = Value(); break;
                case "--work": work = Value(); break;
                case "--json": json = Value(); break;
                case "--repo": repo = Value(); break;
                case "--clone": clone = true; break;
                case "--all": every = true; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (mirrors is not null && !Directory.Exists(mirrors))
        {
            throw new ArgumentException($"--mirrors {mirrors}: no such folder");
        }

        return new CommandLine(labels, mirrors, work, json, clone, repo, every);
    }
}
