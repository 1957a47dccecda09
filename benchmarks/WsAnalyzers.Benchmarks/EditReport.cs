using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Benchmarks;

/// <summary>
/// The cost of one edit in an IDE. An editor makes a new compilation for every edit, which shares every other file's tree
/// with the one before, and analyzes the open file: the analyzers start on the new compilation (their compilation-start
/// work runs again) and run on that file's code. After the whole corpus is analyzed once, each round edits the same file
/// (a line appended) and measures, single-threaded, the compiler's diagnostics of that file next to the time the analyzer
/// driver logs for our analyzers on it; the fastest of <see cref="Rounds"/> rounds is kept. Two files are edited in turn:
/// one that spells no WebSocket API, and one with a WebSocket accept or connect.
/// </summary>
internal static class EditReport
{
    private const int Rounds = 5;
    private const int WarmRounds = 10;

    public static async Task<int> RunAsync(string name, IReadOnlyList<(string Path, string Text)> sources)
    {
        var created = CompilationFactory.Create(name, sources);
        Compilation compilation = created.WithOptions(created.Options.WithConcurrentBuild(false));
        compilation.GetDiagnostics();
        await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, TelemetryReport.Options()).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var ordinary = compilation.SyntaxTrees.FirstOrDefault(t => !SpellsWebSocketApi(t) && t.Length > 1000);
        var webSocket = compilation.SyntaxTrees.FirstOrDefault(t => Spells(t, "AcceptWebSocketAsync")) ??
                        compilation.SyntaxTrees.FirstOrDefault(t => Spells(t, "ConnectAsync") && SpellsWebSocketApi(t));
        if (ordinary is null && webSocket is null)
        {
            throw new InvalidOperationException($"no file to edit in {name}: none of more than 1,000 characters without WebSockets, none with a WebSocket accept or connect");
        }

        Console.WriteLine($"Corpus: {name}, {sources.Count} files; fastest of {Rounds} rounds after {WarmRounds} edits to warm up");
        foreach (var (kind, tree) in new[] { ("a file without WebSockets", ordinary), ("a file with a WebSocket accept or connect", webSocket) })
        {
            if (tree is null)
            {
                Console.WriteLine($"Edit of {kind}: no such file in the corpus");
                continue;
            }

            compilation = await MeasureAsync(compilation, tree.FilePath, kind);
        }

        return 0;
    }

    private static async Task<Compilation> MeasureAsync(Compilation compilation, string path, string kind)
    {
        var compilerTime = double.MaxValue;
        var analyzerTimes = AnalyzerCatalog.Analyzers.ToDictionary(a => a, _ => double.MaxValue);
        var reported = 0;
        for (var round = -WarmRounds; round < Rounds; round++)
        {
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
            var text = tree.GetText();
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), $"\n// edit {round + WarmRounds + 1}\n")));
            compilation = compilation.ReplaceSyntaxTree(tree, edited);

            var model = compilation.GetSemanticModel(edited);
            var clock = Stopwatch.StartNew();
            model.GetDiagnostics();
            var compilerRound = clock.Elapsed.TotalMilliseconds;

            var withAnalyzers = compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, TelemetryReport.Options());
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(edited, CancellationToken.None);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
            if (round < 0)
            {
                continue;
            }

            compilerTime = Math.Min(compilerTime, compilerRound);
            reported = syntax.Length + semantic.Length;
            foreach (var analyzer in AnalyzerCatalog.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                analyzerTimes[analyzer] = Math.Min(analyzerTimes[analyzer], telemetry.ExecutionTime.TotalMilliseconds);
            }
        }

        var total = analyzerTimes.Values.Sum();
        Console.WriteLine($"Edit of {kind} ({path}):");
        Console.WriteLine(TelemetryReport.Format("  Compiler diagnostics of the file: {0,8:F1} ms  single-threaded", compilerTime));
        Console.WriteLine(TelemetryReport.Format("  WsAnalyzers on the file:          {0,8:F1} ms  = {1:F1} % of the compiler's; {2} diagnostics", total, 100 * total / compilerTime, reported));
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            Console.WriteLine(TelemetryReport.Format("    {0,-44} {1,8:F1} ms", RuleSet.NameOf(analyzer), analyzerTimes[analyzer]));
        }

        return compilation;
    }

    private static bool SpellsWebSocketApi(SyntaxTree tree) => Spells(tree, "websocket") || Spells(tree, "signalr");

    private static bool Spells(SyntaxTree tree, string word) =>
        tree.GetText().ToString().IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
}
