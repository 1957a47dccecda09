using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using WsAnalyzers.Cli.Analysis;

namespace WsAnalyzers.Cli.Review;

/// <summary>
/// Known findings to hide in code review (--baseline), recorded by --write-baseline. Matching is by fingerprint (rule,
/// file, line text, occurrence), so the baseline still matches after lines are added or removed above a finding.
/// </summary>
internal static class Baseline
{
    private const int FormatVersion = 1;

    public static void Write(string path, IReadOnlyList<Finding> findings)
    {
        var file = new BaselineFile(
            FormatVersion,
            "wsanalyzers",
            findings.Select(f => new BaselineEntry(f.RuleId, f.RelativePath, f.Fingerprint, f.LineText)).ToList());
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(file, BaselineJson.Default.BaselineFile) + "\n");
    }

    public static HashSet<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"baseline '{path}' does not exist: create it with --write-baseline {path}");
        }

        BaselineFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), BaselineJson.Default.BaselineFile);
        }
        catch (JsonException e)
        {
            throw new CliException($"baseline '{path}' is not valid JSON: {e.Message}");
        }

        if (file is null || file.Version != FormatVersion || file.Findings is null)
        {
            throw new CliException($"baseline '{path}' is not a wsanalyzers baseline (version {FormatVersion})");
        }

        return file.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
    }
}

internal sealed record BaselineFile(int Version, string Tool, List<BaselineEntry> Findings);

internal sealed record BaselineEntry(string RuleId, string Path, string Fingerprint, string Line);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineJson : JsonSerializerContext;
