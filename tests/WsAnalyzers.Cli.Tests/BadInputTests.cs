using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class BadInputTests
{
    [Theory]
    [InlineData("does-not-exist", "analyze does-not-exist")]
    [InlineData("does not exist", "fix does-not-exist")]
    [InlineData("unknown option '--bogus'", "analyze --bogus")]
    [InlineData("Argument 'yaml' not recognized", "analyze --format yaml")]
    [InlineData("no rule matches 'WS9999'", "analyze --rules WS9999")]
    [InlineData("baseline 'missing.json' does not exist", "analyze --baseline missing.json")]
    [InlineData("--msbuild-path 'nowhere' has no Microsoft.Build.dll", "analyze --msbuild-path nowhere")]
    [InlineData("is not a .sln, .slnx or .csproj file", "analyze notes.txt")]
    [InlineData("--diff needs a git repository", "analyze --diff HEAD")]
    public async Task Bad_input_exits_2_with_one_line_reason(string reason, string commandLine)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("notes.txt"), "not code");
        File.WriteAllText(folder.Combine("A.cs"), "class A { }");

        var result = await CliProcess.RunToolAsync(folder.Path, commandLine.Split(' '));

        AssertOneLineError(result, reason);
    }

    [Fact]
    public async Task Unrestored_project_with_no_restore_exits_2_and_names_the_restore_command()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(folder.Combine("A.cs"), "class A { }");

        var result = await CliProcess.RunToolAsync(folder.Path, "analyze", "--no-restore");

        AssertOneLineError(result, "is not restored: run dotnet restore \"App.csproj\"");
    }

    [Fact]
    public async Task Project_that_fails_to_load_exits_2_with_the_workspace_reason()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        Directory.CreateDirectory(folder.Combine("obj"));
        File.WriteAllText(folder.Combine("obj", "project.assets.json"), "{}");

        var result = await CliProcess.RunToolAsync(folder.Path, "analyze", "Broken.csproj", "--no-restore");

        AssertOneLineError(result, "cannot load 'Broken.csproj': The project file could not be loaded");
    }

    private static void AssertOneLineError(CliResult result, string reason)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Error.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("wsanalyzers: error: ", line);
        Assert.Contains(reason, line);
        Assert.Equal(string.Empty, result.Output);
    }
}
