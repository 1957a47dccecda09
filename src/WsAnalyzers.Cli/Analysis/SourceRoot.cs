using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace WsAnalyzers.Cli.Analysis;

/// <summary>
/// The folder reports are relative to: the git work tree that holds the analyzed path, else the analyzed folder. Relative
/// paths keep baselines and SARIF files valid on another machine or checkout.
/// </summary>
internal static class SourceRoot
{
    public static string Find(string directory) => GitTopLevel(directory) ?? Path.GetFullPath(directory);

    public static string? GitTopLevel(string directory)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory,
            };
            start.ArgumentList.Add("rev-parse");
            start.ArgumentList.Add("--show-toplevel");
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? Path.GetFullPath(output) : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The path relative to the root with '/' separators, or the absolute path when it lies outside the root.</summary>
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path.Replace('\\', '/')
            : relative.Replace('\\', '/');
    }

    public static bool IsUnderRoot(string relativePath) => !Path.IsPathRooted(relativePath) && !relativePath.StartsWith('/');
}
