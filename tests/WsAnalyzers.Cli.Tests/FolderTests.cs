using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

/// <summary>What a folder argument means: a repository root loads the projects below it; a folder without any project
/// compiles its files loosely, a file with top-level statements as a program.</summary>
[Collection(CliCollection.Name)]
public sealed class FolderTests
{
    // A top-level ASP.NET Core program: it compiles only with the Web SDK's implicit usings, as an executable.
    private const string Program = """
        using System.Net.WebSockets;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var sockets = new List<WebSocket>();
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            sockets.Add(socket);
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                foreach (var peer in sockets)
                {
                    if (peer.State == WebSocketState.Open)
                    {
                        await peer.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
                    }
                }
            }
        });
        app.Run();
        """;

    private const string WebProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task A_repository_root_without_a_solution_reports_through_the_projects_below_it()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("Server"));
        File.WriteAllText(folder.Combine("Server", "Server.csproj"), WebProject);
        File.WriteAllText(folder.Combine("Server", "Program.cs"), Program);

        var result = await CliProcess.RunToolAsync(folder.Path, "analyze", ".");

        Assert.True(result.ExitCode == 1, result.ToString());
        var program = Path.Combine("Server", "Program.cs");
        Assert.Matches(new Regex($@"^{Regex.Escape(program)}\(5,5\): warning WS2001: 'sockets' .+ \[Server\]$", RegexOptions.Multiline), result.Output);
        Assert.Matches(new Regex($@"^{Regex.Escape(program)}\(\d+,\d+\): warning WS3002: .+ \[Server\]$", RegexOptions.Multiline), result.Output);
        Assert.Contains("in 1 project(s)", result.Output);
        Assert.DoesNotContain("CS8805", result.ToString());
        Assert.DoesNotContain("No findings", result.Output);
    }

    [Fact]
    public async Task Several_projects_side_by_side_are_all_loaded()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "First", "Second" })
        {
            File.WriteAllText(folder.Combine(name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="{name}/*.cs" />
                  </ItemGroup>
                </Project>
                """);
            Directory.CreateDirectory(folder.Combine(name));
            File.WriteAllText(folder.Combine(name, "Sender.cs"), $$"""
                using System;
                using System.Net.WebSockets;
                using System.Threading;
                using System.Threading.Tasks;

                public static class {{name}}Sender
                {
                    public static WebSocket? Socket;

                    public static Task SendAsync(byte[] payload) =>
                        Socket!.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, CancellationToken.None);
                }
                """);
        }

        var result = await CliProcess.RunToolAsync(folder.Path, "analyze", "--rules", "WS3001");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("warning WS3001", result.Output);
        Assert.Contains("[First]", result.Output);
        Assert.Contains("[Second]", result.Output);
        Assert.Contains("in 2 project(s)", result.Output);
    }

    [Fact]
    public async Task Loose_files_with_top_level_statements_compile_as_a_program()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("Program.cs"), """
            using System;
            using System.Net.WebSockets;
            using System.Threading;

            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri("wss://example.com/ws"), CancellationToken.None);
            while (true)
            {
                try
                {
                    await socket.ReceiveAsync(new ArraySegment<byte>(new byte[1024]), CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    await socket.ConnectAsync(new Uri("wss://example.com/ws"), CancellationToken.None);
                }
            }
            """);

        var result = await CliProcess.RunToolAsync(folder.Path, "analyze", ".");

        Assert.DoesNotContain("CS8805", result.ToString());
        Assert.Contains("warning WS1001", result.Output);
    }
}
