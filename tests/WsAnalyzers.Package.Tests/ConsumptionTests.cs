using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.Package.Tests;

/// <summary>
/// Installs the built package from a local feed into a fresh project, the way a user does, and checks what the user
/// sees: the build warning, a failing build with warnings as errors, and `dotnet format analyzers` applying the fix.
/// </summary>
public sealed class ConsumptionTests
{
    [Fact]
    public async Task Build_reports_the_rule_warnings_as_errors_fail_and_dotnet_format_applies_the_fix()
    {
        using var project = await ConsumerProject.CreateAsync(ConsumerProject.BroadcasterSource);
        var cli = project.Cli;
        var (line, column) = ConsumerProject.Position(ConsumerProject.BroadcasterSource, "socket.SendAsync");
        var location = $"({line},{column})";

        var build = await cli.RunAsync(project.Folder, "build", "Consumer.csproj", "-nodeReuse:false", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"Broadcaster.cs{location}: warning WS3001", build.Output);

        var strict = await cli.RunAsync(project.Folder, "build", "Consumer.csproj", "--no-restore", "--no-incremental", "-nodeReuse:false", "--disable-build-servers", "-p:WarningsAsErrors=WS3001");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Contains($"Broadcaster.cs{location}: error WS3001", strict.Output);

        var format = await cli.RunAsync(project.Folder, "format", "analyzers", "Consumer.csproj", "--diagnostics", "WS3001", "--severity", "info", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        var fixedSource = File.ReadAllText(project.SourcePath);
        Assert.Contains("if (socket.State == WebSocketState.Open)", fixedSource);

        // The loop is still a broadcast without per-connection handling (WS3002); only WS3001 is the fix's business.
        var rebuilt = await cli.RunAsync(project.Folder, "build", "Consumer.csproj", "--no-restore", "--no-incremental", "-nodeReuse:false", "--disable-build-servers", "-p:WarningsAsErrors=WS3001");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.DoesNotContain("WS3001", rebuilt.Output);
    }
}
