using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Review;

/// <summary>Runs git in a work tree and returns its output; failures become one-line CLI errors.</summary>
internal static class Git
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new CliException("cannot start git: --diff needs git on PATH");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, (await error).Trim());
        }
        catch (Win32Exception)
        {
            throw new CliException("cannot start git: --diff needs git on PATH");
        }
    }
}
