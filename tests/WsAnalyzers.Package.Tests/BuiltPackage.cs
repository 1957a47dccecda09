using System.IO;
using System.Linq;
using System.Reflection;

namespace WsAnalyzers.Package.Tests;

/// <summary>The .nupkg that the build of src/WsAnalyzers.Package produced for these sources.</summary>
internal static class BuiltPackage
{
    public static string Path { get; } = System.IO.Path.GetFullPath(Metadata("PackagePath"));

    public static string Version { get; } = Metadata("PackageVersion");

    private static string Metadata(string key) =>
        typeof(BuiltPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static void AssertExists() => Assert.True(File.Exists(Path), $"{Path} was not produced by the build");
}
