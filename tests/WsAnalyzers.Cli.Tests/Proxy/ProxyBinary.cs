using System;
using System.IO;
using System.Linq;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>
/// Finds nginx or HAProxy. They come from the Debian packages that .ci/run installs; a test that needs one fails (not
/// skips) when it is absent, naming the package to install.
/// </summary>
internal static class ProxyBinary
{
    public static string Require(string name)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin", "/sbin"]);
        var found = directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail($"{name} is not installed: the real-proxy tests need it (apt-get install -y {name}; .ci/run installs it before dotnet test)");
        }

        return found!;
    }
}
