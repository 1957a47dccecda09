using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace WsAnalyzers.Cli.Analysis;

/// <summary>
/// A finding's identity without its line number: rule, file, the text of its line (whitespace-normalised) and which
/// occurrence of that text in the file it is. Adding or removing lines elsewhere leaves it unchanged.
/// </summary>
internal static class Fingerprints
{
    public const string Key = "wsanalyzers/v1";

    public static void Assign(IEnumerable<Finding> findings)
    {
        foreach (var group in findings.GroupBy(f => (f.RuleId, f.RelativePath, Text: Normalize(f.LineText))))
        {
            var index = 0;
            foreach (var finding in group.OrderBy(f => f.Line).ThenBy(f => f.Column))
            {
                finding.Fingerprint = Hash($"{group.Key.RuleId}\n{group.Key.RelativePath}\n{group.Key.Text}\n{index++}");
            }
        }
    }

    private static string Normalize(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
