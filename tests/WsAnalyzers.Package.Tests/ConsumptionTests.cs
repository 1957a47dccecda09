using System;
using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.Package.Tests;

/// <summary>
/// Installs the built package from a local feed into a fresh project, the way a user does, and checks what the user
/// sees: the build warning, a failing build with warnings as errors, and `dotnet format analyzers` applying the fix.
/// </summary>
public sealed class ConsumptionTests : IDisposable
{
    private const string Program = """
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

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>"(line,column)" of the send, 1-based, as MSBuild prints it.</summary>
    private static string ExpectedLocation()
    {
        var lines = Program.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("socket.SendAsync", StringComparison.Ordinal));
        return $"({line + 1},{lines[line].IndexOf("socket.SendAsync", StringComparison.Ordinal) + 1})";
    }

    [Fact]
    public async Task Build_reports_the_rule_warnings_as_errors_fail_and_dotnet_format_applies_the_fix()
    {
        BuiltPackage.AssertExists();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        File.Copy(BuiltPackage.Path, Path.Combine(feed, Path.GetFileName(BuiltPackage.Path)));
        var project = Directory.CreateDirectory(Path.Combine(_root, "Consumer")).FullName;
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="WsAnalyzers" Version="{BuiltPackage.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var source = Path.Combine(project, "Broadcaster.cs");
        File.WriteAllText(source, Program);
        var cli = new DotNetCli(Path.Combine(_root, "packages"));
        var location = ExpectedLocation();

        var build = await cli.RunAsync(project, "build", "-nodeReuse:false", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"Broadcaster.cs{location}: warning WS3001", build.Output);

        var strict = await cli.RunAsync(project, "build", "--no-restore", "--no-incremental", "-nodeReuse:false", "--disable-build-servers", "-p:WarningsAsErrors=WS3001");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Contains($"Broadcaster.cs{location}: error WS3001", strict.Output);

        var format = await cli.RunAsync(project, "format", "analyzers", "Consumer.csproj", "--diagnostics", "WS3001", "--severity", "info", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        var fixedSource = File.ReadAllText(source);
        Assert.Contains("if (socket.State == WebSocketState.Open)", fixedSource);

        // The loop is still a broadcast without per-connection handling (WS3002); only WS3001 is the fix's business.
        var rebuilt = await cli.RunAsync(project, "build", "--no-restore", "--no-incremental", "-nodeReuse:false", "--disable-build-servers", "-p:WarningsAsErrors=WS3001");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.DoesNotContain("WS3001", rebuilt.Output);
    }
}
