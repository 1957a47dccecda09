using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace WsAnalyzers.Package.Tests;

/// <summary>
/// What a user sees in an editor: a fresh project that installs the built package, opened in a real language server
/// (csharp-ls, analyzers enabled), shows WS3001 on the unchecked send with its range and message. csharp-ls shows
/// third-party diagnostics but not third-party code fixes; the fixes are covered by `dotnet format analyzers` and the CLI.
/// </summary>
public sealed class EditorTests
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(3);

    // csharp-ls 0.28 never finished loading when a file was opened during the load (seen here): open it after.
    private const string SolutionLoaded = "Finished loading solution";

    private static readonly JObject Settings = JObject.Parse("""{ "csharp": { "analyzersEnabled": true } }""");

    [Fact]
    public async Task A_language_server_shows_WS3001_on_the_unchecked_send_with_its_range_and_message()
    {
        var diagnostics = await DiagnosticsInEditorAsync(withPackage: true, wanted: "WS3001");

        var ws3001 = Assert.Single(diagnostics, d => (string?)d["code"] == "WS3001");
        var (line, column) = ConsumerProject.Position(Source, "socket.SendAsync");
        var sendLine = Source.Split('\n')[line - 1];
        var end = sendLine.LastIndexOf(')') + 1;
        Assert.Equal(line - 1, (int)ws3001["range"]!["start"]!["line"]!);
        Assert.Equal(column - 1, (int)ws3001["range"]!["start"]!["character"]!);
        Assert.Equal(line - 1, (int)ws3001["range"]!["end"]!["line"]!);
        Assert.Equal(end, (int)ws3001["range"]!["end"]!["character"]!);
        Assert.Equal(
            "'SendAsync' sends on a WebSocket without checking that it is open or handling the exception a closed socket throws",
            (string?)ws3001["message"]);
        Assert.Equal(2, (int)ws3001["severity"]!);
        Assert.EndsWith("docs/rules/WS3001.md", (string?)ws3001["codeDescription"]?["href"]);
    }

    [Fact]
    public async Task Without_the_package_the_same_editor_session_shows_no_WsAnalyzers_diagnostic()
    {
        // The control: a compiler warning proves the server analyzed the file; no WS rule may appear.
        var diagnostics = await DiagnosticsInEditorAsync(withPackage: false, wanted: "CS0219");

        Assert.Contains(diagnostics, d => (string?)d["code"] == "CS0219");
        Assert.DoesNotContain(diagnostics, d => ((string?)d["code"])?.StartsWith("WS", StringComparison.Ordinal) == true);
    }

    // The broadcaster with an unused local: a compiler warning (CS0219) that shows whether or not the package is there.
    private static readonly string Source = ConsumerProject.BroadcasterSource.Replace(
        "foreach (var socket in _sockets)", "var unused = 0;\n        foreach (var socket in _sockets)", StringComparison.Ordinal);

    private static async Task<JArray> DiagnosticsInEditorAsync(bool withPackage, string wanted)
    {
        using var project = await ConsumerProject.CreateAsync(Source, withPackage);
        var server = project.Cli.StartInfo(await CsharpLs.InstallAsync(), project.Folder);
        await using var client = await LanguageServerClient.StartAsync(server, project.Folder, Settings);

        await client.WaitForLogAsync(SolutionLoaded, LoadTimeout);
        await client.OpenAsync(project.SourcePath, File.ReadAllText(project.SourcePath));
        var diagnostics = await client.PullDiagnosticsAsync(
            project.SourcePath, items => items.Any(d => (string?)d["code"] == wanted), LoadTimeout);
        Assert.True(diagnostics.Any(d => (string?)d["code"] == wanted), $"no {wanted} in {diagnostics}\n{client.Log}");
        return diagnostics;
    }
}
