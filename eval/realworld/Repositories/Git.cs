using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.RealWorld.Repositories;

/// <summary>Runs the git command line (no shell) and returns its exit code, standard output as a stream copy and standard error.</summary>
internal static class Git
{
    public static async Task<(int ExitCode, MemoryStream Output, string Error)> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = Process.Start(start) ?? throw new MaterializeException("git could not be started");
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(copy, error, process.WaitForExitAsync());
        output.Position = 0;
        return (process.ExitCode, output, (await error).Trim());
    }
}
