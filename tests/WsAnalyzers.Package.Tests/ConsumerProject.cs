using System;
using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.Package.Tests;

/// <summary>
/// A fresh project of a user's, in a temporary folder, that installs the built package from a local feed (or, as a
/// control, does not), restored with a NuGet cache of its own. Deleted with the object.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    /// <summary>A broadcast with an unchecked send (WS3001) in a loop with no per-connection handling (WS3002).</summary>
    public const string BroadcasterSource = """
        using System;
        using System.Collections.Generic;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Consumer;

        public sealed class Broadcaster
        {
            private readonly List<WebSocket> _sockets = new();

            public async Task BroadcastAsync(byte[] payload)
            {
                foreach (var socket in _sockets)
                {
                    await socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
        }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "wsanalyzers-consumer-" + Guid.NewGuid().ToString("N"));

    private ConsumerProject(string source, bool withPackage)
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        File.Copy(BuiltPackage.Path, Path.Combine(feed, System.IO.Path.GetFileName(BuiltPackage.Path)));
        Folder = Directory.CreateDirectory(Path.Combine(_root, "Consumer")).FullName;
        File.WriteAllText(Path.Combine(Folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var reference = withPackage
            ? $"""<PackageReference Include="WsAnalyzers" Version="{BuiltPackage.Version}" PrivateAssets="all" />"""
            : string.Empty;
        File.WriteAllText(Path.Combine(Folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {reference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Folder, "Consumer.slnx"), """
            <Solution>
              <Project Path="Consumer.csproj" />
            </Solution>
            """);
        SourcePath = Path.Combine(Folder, "Broadcaster.cs");
        File.WriteAllText(SourcePath, source);
        Cli = new DotNetCli(Path.Combine(_root, "packages"));
    }

    /// <summary>The project's folder (with its .csproj, a .slnx listing it, nuget.config and the source file).</summary>
    public string Folder { get; }

    public string SourcePath { get; }

    /// <summary>The dotnet CLI with this project's own NuGet cache.</summary>
    public DotNetCli Cli { get; }

    /// <summary>Creates the project and restores it; <paramref name="withPackage"/> false leaves the package out.</summary>
    public static async Task<ConsumerProject> CreateAsync(string source, bool withPackage = true)
    {
        BuiltPackage.AssertExists();
        var project = new ConsumerProject(source, withPackage);
        var restore = await project.Cli.RunAsync(project.Folder, "restore", "Consumer.csproj");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        return project;
    }

    /// <summary>Line and column of the first occurrence of <paramref name="text"/> in <paramref name="source"/>, 1-based, as MSBuild prints them.</summary>
    public static (int Line, int Column) Position(string source, string text)
    {
        var lines = source.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
