using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using WsAnalyzers.RealWorld.Analysis;

namespace WsAnalyzers.RealWorld.Reporting;

/// <summary>The run as JSON, written atomically (a temporary file beside the target, then a move).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(EvaluationResult result, string path)
    {
        var document = new
        {
            result.AnalyzerVersion,
            Overall = Scores(result.Implemented),
            NotImplemented = Scores(result.NotImplemented),
            Ad0001 = result.AnalyzerFailures,
            Rules = result.Rules.Select(Scores),
            result.Compilations,
            Labels = result.Labels.Select(l => new { l.Label.Repo, l.Label.Commit, l.Label.Path, l.Label.Line, l.Label.Rule, l.Label.Expected, l.Label.Confidence, l.Label.Why, l.Outcome, l.Compilation, l.Note }),
            result.Unlabelled,
            result.Problems,
        };

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(document, Options));
        File.Move(temporary, full, overwrite: true);
    }

    private static object Scores(RuleScore s) => new { s.Rule, s.Implemented, s.Bugs, s.Found, s.Missed, s.Recall, s.Cleans, s.Clean, s.FalselyFlagged, s.CleanShare, s.NotEvaluated };
}
