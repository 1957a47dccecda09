using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Loading;

/// <summary>Options shared by the commands that load code.</summary>
internal sealed record LoadOptions(string? Path, string? MSBuildPath, bool Restore);

/// <summary>Turns a path into a loaded workspace. Callers must have registered MSBuild (<see cref="SdkRegistration"/>) first.</summary>
internal static class WorkspaceLoader
{
    public static async Task<(AnalysisTarget Target, Workspace Workspace)> LoadAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var target = AnalysisTarget.Resolve(options.Path);
        SdkRegistration.Register(options.MSBuildPath);
        if (target.Kind == TargetKind.LooseFiles)
        {
            Progress.Report($"Compiling the C# files under {Restore.Relative(target.FullPath)} against the SDK's reference packs");
            return (target, LooseFilesWorkspace.Create(target.FullPath, SdkRegistration.DotnetRoot, SdkMajor()));
        }

        await Restore.EnsureRestoredAsync(target, options.Restore, cancellationToken);
        return await ProjectWorkspace.OpenAsync(target, cancellationToken);
    }

    private static int SdkMajor()
    {
        var folder = Path.GetFileName(SdkRegistration.MSBuildPath!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return Version.TryParse(folder.Split('-')[0], out var version) ? version.Major : Environment.Version.Major;
    }
}
