using System.IO;
using System.Linq;

namespace WsAnalyzers.Cli.Tests;

public sealed class PackagingTests
{
    [Fact]
    public void Nothing_the_sdk_owns_is_copied_next_to_the_tool()
    {
        // MSBuild and NuGet come from the SDK that MSBuildLocator registers; a private copy makes MSBuild fail to load
        // (TypeLoadException, MissingMethodException) as soon as the SDK is newer than the copy.
        var folder = Path.GetDirectoryName(CliProcess.ToolPath)!;
        var sdkOwned = Directory.EnumerateFiles(folder, "*.dll")
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("Microsoft.Build.", System.StringComparison.OrdinalIgnoreCase) && name != "Microsoft.Build.Locator.dll" ||
                           name == "Microsoft.Build.dll" ||
                           name!.StartsWith("NuGet.", System.StringComparison.OrdinalIgnoreCase) ||
                           name == "Microsoft.NET.StringTools.dll")
            .ToList();

        Assert.Empty(sdkOwned);
        Assert.True(File.Exists(Path.Combine(folder, "Microsoft.Build.Locator.dll")));
    }
}
