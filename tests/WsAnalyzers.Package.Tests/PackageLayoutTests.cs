using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace WsAnalyzers.Package.Tests;

public sealed class PackageLayoutTests
{
    private static ZipArchive Open()
    {
        BuiltPackage.AssertExists();
        return ZipFile.OpenRead(BuiltPackage.Path);
    }

    [Fact]
    public void Both_assemblies_are_under_analyzers_dotnet_cs_and_nothing_under_lib()
    {
        using var package = Open();
        var entries = package.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();

        Assert.Contains("analyzers/dotnet/cs/WsAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/WsAnalyzers.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", System.StringComparison.Ordinal) && !e.StartsWith("analyzers/dotnet/cs/", System.StringComparison.Ordinal));
        Assert.Equal(2, entries.Count(e => e.EndsWith(".dll", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Nuspec_is_a_development_dependency_without_dependencies_and_with_the_readme()
    {
        using var package = Open();
        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("WsAnalyzers", metadata.Element(ns + "id")!.Value);
        Assert.Equal(BuiltPackage.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Contains(package.Entries, e => e.FullName == "README.md");

        var readme = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();
        Assert.Contains("WS3001", readme);
    }
}
