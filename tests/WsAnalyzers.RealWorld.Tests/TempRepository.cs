using System;
using System.Diagnostics;
using System.IO;

namespace WsAnalyzers.RealWorld.Tests;

/// <summary>A git repository in a temporary folder laid out as a mirror folder expects (MIRRORS/owner+name/repo/.git),
/// deleted on dispose.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository(string repo)
    {
        Root = Path.Combine(Path.GetTempPath(), "wsrealworld-tests-" + Guid.NewGuid().ToString("N"));
        Mirrors = Path.Combine(Root, "mirrors");
        WorkTree = Path.Combine(Mirrors, repo.Replace('/', '+'), "repo");
        Work = Path.Combine(Root, "work");
        Directory.CreateDirectory(WorkTree);
        Git("init", "--quiet");
    }

    public string Root { get; }

    public string Mirrors { get; }

    public string WorkTree { get; }

    public string Work { get; }

    public void Write(string path, string text)
    {
        var full = Path.Combine(WorkTree, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Commits everything written so far and returns the commit ID.</summary>
    public string Commit()
    {
        Git("add", "-A");
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "test");
        return Git("rev-parse", "HEAD").Trim();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = WorkTree, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
