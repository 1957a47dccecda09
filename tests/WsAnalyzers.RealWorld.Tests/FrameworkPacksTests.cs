using System;
using System.IO;
using System.Linq;
using WsAnalyzers.RealWorld.Building;
using WsAnalyzers.RealWorld.Projects;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.RealWorld.Tests;

public sealed class FrameworkPacksTests : IDisposable
{
    private static readonly ReferencePacks Installed =
        ReferencePacks.Find(ReferencePacks.RuntimeDotnetRoot) ?? throw new InvalidOperationException("no reference packs");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "wsrealworld-packs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("net6.0", 6)]
    [InlineData("net7.0", 6)]
    [InlineData("net8.0", 8)]
    [InlineData("net9.0", 9)]
    [InlineData("netcoreapp3.1", 6)]
    [InlineData("netstandard2.0", 6)]
    [InlineData("net472", 6)]
    public void An_older_framework_takes_the_newest_restored_pack_not_newer_than_it(string moniker, int major)
    {
        var packs = FrameworkPacks.WithRestoredOlderPacks(Installed).For(TargetFramework.Parse(moniker));

        Assert.Equal(major, packs.Version.Major);
        Assert.NotNull(packs.AspNetCoreAssemblies);
    }

    [Fact]
    public void The_installed_framework_and_newer_take_the_installed_pack_and_a_minimum_raises_an_older_one()
    {
        var frameworks = FrameworkPacks.WithRestoredOlderPacks(Installed);

        Assert.Same(Installed, frameworks.For(TargetFramework.Parse($"net{Installed.Version.Major}.0")));
        Assert.Same(Installed, frameworks.For(TargetFramework.Parse("net99.0")));
        Assert.Equal(8, frameworks.For(TargetFramework.Parse("net6.0"), minimumMajor: 8).Version.Major);
        Assert.Same(Installed, new FrameworkPacks(Installed).For(TargetFramework.Parse("net6.0")));
    }

    [Fact]
    public void A_net6_project_referencing_a_net8_one_compiles_against_the_net8_pack_which_has_no_keep_alive_timeout()
    {
        Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net6.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\Lib\Lib.csproj" /></ItemGroup>
            </Project>
            """);
        Write("App/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = Lib.Helper.Interval });
            app.Run();
            """);
        Write("Lib/Lib.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>""");
        Write("Lib/Helper.cs", """
            namespace Lib
            {
                public static class Helper
                {
                    public static System.TimeSpan Interval => System.TimeSpan.FromSeconds(30);
                }
            }
            """);

        var built = new ProjectCompiler(FrameworkPacks.WithRestoredOlderPacks(Installed)).Build(ProjectLocator.Locate(_root, Path.Combine(_root, "App", "Program.cs")));

        Assert.Empty(built.Errors);
        Assert.Equal(8, built.Compilation.ReferencedAssemblyNames.Single(a => a.Name == "System.Runtime").Version.Major);
        var options = built.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebSocketOptions");
        Assert.NotNull(options);
        Assert.Empty(options!.GetMembers("KeepAliveTimeout"));
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
