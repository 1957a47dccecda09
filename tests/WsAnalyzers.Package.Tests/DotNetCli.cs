using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace WsAnalyzers.Package.Tests;

/// <summary>Runs the dotnet CLI (or a tool it installed) as a child process with an isolated NuGet cache and no lingering
/// build servers.</summary>
internal sealed class DotNetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly string _packagesFolder;

    public DotNetCli(string packagesFolder) => _packagesFolder = packagesFolder;

    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit code {ExitCode}\n{Output}";
    }

    public Task<Result> RunAsync(string workingDirectory, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, arguments);

    public async Task<Result> RunProgramAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = StartInfo(program, workingDirectory, arguments);
        start.RedirectStandardInput = false;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {Timeout}");
        }

        output.Append(await stdout).Append(await stderr);
        return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>A child process with redirected standard streams and the isolated environment.</summary>
    public ProcessStartInfo StartInfo(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["NUGET_PACKAGES"] = _packagesFolder,
                     ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                     ["DOTNET_NOLOGO"] = "1",
                     ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                     ["MSBUILDDISABLENODEREUSE"] = "1",
                     ["DOTNET_CLI_UI_LANGUAGE"] = "en",
                 })
        {
            start.Environment[name] = value;
        }

        // The outer `dotnet test` exports MSBuild variables that would point the child at the wrong SDK pieces.
        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            start.Environment.Remove(inherited);
        }

        return start;
    }
}
