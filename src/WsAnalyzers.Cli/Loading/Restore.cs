using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace WsAnalyzers.Cli.Loading;

/// <summary>
/// Finds projects without NuGet restore output (obj/project.assets.json) before loading them: an unrestored project
/// loads without its package references and would give silently wrong results.
/// </summary>
internal static class Restore
{
    public static async Task EnsureRestoredAsync(AnalysisTarget target, bool restore, CancellationToken cancellationToken)
    {
        var unrestored = (await ProjectFilesAsync(target, cancellationToken))
            .Where(project => !File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json")))
            .ToList();
        if (unrestored.Count == 0)
        {
            return;
        }

        // A project tree has no file that restores it all: its projects are restored one by one.
        var toRestore = target.Kind == TargetKind.ProjectTree ? unrestored : [target.FullPath];
        if (!restore)
        {
            throw new CliException($"'{Relative(unrestored[0])}' is not restored{More(unrestored.Count)}: run {Command(toRestore[0])}");
        }

        foreach (var path in toRestore)
        {
            await RestoreAsync(path, cancellationToken);
        }
    }

    private static string Command(string path) => $"dotnet restore \"{Relative(path)}\"";

    private static async Task RestoreAsync(string path, CancellationToken cancellationToken)
    {
        var command = Command(path);
        Progress.Report($"Restoring {Relative(path)}...");
        var start = new ProcessStartInfo(SdkRegistration.DotnetExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("--nologo");
        using var process = Process.Start(start) ?? throw new CliException($"cannot start '{start.FileName}': run {command}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var lines = ((await output) + "\n" + (await error)).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var reason = lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.LastOrDefault() ?? "no output";
            throw new CliException($"restore of '{Relative(path)}' failed ({reason}): run {command} to see why");
        }
    }

    public static async Task<IReadOnlyList<string>> ProjectFilesAsync(AnalysisTarget target, CancellationToken cancellationToken)
    {
        if (target.Kind == TargetKind.Project)
        {
            return [target.FullPath];
        }

        if (target.Kind == TargetKind.ProjectTree)
        {
            return target.TreeProjects;
        }

        if (target.Kind != TargetKind.Solution)
        {
            return [];
        }

        var serializer = SolutionSerializers.GetSerializerByMoniker(target.FullPath)
            ?? throw new CliException($"'{Relative(target.FullPath)}' is not a solution file this tool can read");
        try
        {
            var model = await serializer.OpenAsync(target.FullPath, cancellationToken);
            return model.SolutionProjects
                .Select(p => Path.GetFullPath(Path.Combine(target.Directory, p.FilePath.Replace('\\', Path.DirectorySeparatorChar))))
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
                .ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException and not CliException)
        {
            throw new CliException($"cannot read solution '{Relative(target.FullPath)}': {SdkRegistration.FirstLine(e.Message)}");
        }
    }

    private static string More(int count) => count > 1 ? $" (and {count - 1} more project(s))" : string.Empty;

    internal static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
