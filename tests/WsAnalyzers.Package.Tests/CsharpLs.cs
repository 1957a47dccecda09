using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.Package.Tests;

/// <summary>The csharp-ls language server (a .NET tool on NuGet), installed at a pinned version into a folder of the test
/// run's own. It shows third-party analyzers' diagnostics in any LSP editor.</summary>
internal static class CsharpLs
{
    public const string Version = "0.28.0";

    /// <summary>Installs the server into the system temp folder (outside the repository, reused by later runs) and returns
    /// its executable. A failed install fails the test with the installer's reason: it is never skipped.</summary>
    public static Task<string> InstallAsync() => Installed.Value;

    private static readonly System.Lazy<Task<string>> Installed = new(async () =>
    {
        var root = Path.Combine(Path.GetTempPath(), "wsanalyzers-csharp-ls-" + Version);
        var tools = Path.Combine(root, "tools");
        var executable = Path.Combine(tools, "csharp-ls");
        if (File.Exists(executable))
        {
            return executable;
        }

        var cli = new DotNetCli(Path.Combine(root, "packages"));
        var install = await cli.RunAsync(Path.GetTempPath(), "tool", "install", "csharp-ls", "--version", Version, "--tool-path", tools);
        Assert.True(install.ExitCode == 0 && File.Exists(executable), $"csharp-ls {Version} could not be installed: {install}");
        return executable;
    });
}
