using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.RealWorld.Repositories;

/// <summary>Brings the source files of a repository at its pinned commit (<see cref="SourceFiles"/>) into a plain folder under the work folder: from a local git mirror
/// (the fetch tool's layout, MIRRORS/owner+name/repo, bare or with a .git folder), or, when allowed, by cloning
/// https://github.com/owner/name. A folder already materialised for the same commit is reused.</summary>
public sealed class RepositorySource(string? mirrors, string workFolder, bool allowClone)
{
    private const string Marker = ".realworld-commit";

    public async Task<string> MaterializeAsync(string repo, string commit)
    {
        var key = repo.Replace('/', '+');
        var target = Path.Combine(workFolder, $"{key}@{commit[..12]}");
        var marker = Path.Combine(target, Marker);
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == commit)
        {
            return target;
        }

        var gitDir = MirrorGitDir(key) ?? (allowClone ? await CloneAsync(repo, key) : null)
            ?? throw new MaterializeException(
                $"{repo}: no mirror under {mirrors ?? "(no --mirrors given)"} ({key}/repo) and cloning is off (--clone)");

        // Extract beside the target and move into place, so an interrupted run never leaves a half-written tree that looks complete.
        var partial = target + ".part";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        Directory.CreateDirectory(partial);
        await SourceFiles.ExtractAsync(gitDir, commit, partial);
        await File.WriteAllTextAsync(Path.Combine(partial, Marker), commit);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(partial, target);
        return target;
    }

    private string? MirrorGitDir(string key)
    {
        if (mirrors is null)
        {
            return null;
        }

        foreach (var candidate in new[] { Path.Combine(mirrors, key, "repo", ".git"), Path.Combine(mirrors, key, "repo"), Path.Combine(mirrors, key) })
        {
            if (File.Exists(Path.Combine(candidate, "HEAD")) && Directory.Exists(Path.Combine(candidate, "objects")))
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task<string> CloneAsync(string repo, string key)
    {
        var clones = Path.Combine(workFolder, "clones");
        var gitDir = Path.Combine(clones, key + ".git");
        if (Directory.Exists(gitDir))
        {
            return gitDir;
        }

        Directory.CreateDirectory(clones);
        var partial = gitDir + ".part";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        var (exitCode, _, error) = await Git.RunAsync(new List<string> { "clone", "--bare", "--quiet", $"https://github.com/{repo}.git", partial });
        if (exitCode != 0)
        {
            throw new MaterializeException($"{repo}: git clone failed: {error}");
        }

        Directory.Move(partial, gitDir);
        return gitDir;
    }
}
