using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>Runs `check-proxy ... --format json` and reads the findings back.</summary>
internal static class CheckProxyRun
{
    public static async Task<(CliResult Result, List<JsonFinding> Findings)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await CliProcess.RunToolAsync(workingDirectory, ["check-proxy", .. arguments, "--format", "json"]);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        return (result, JsonFindings.Parse(result.Output));
    }

    public static List<string> RuleIds(IEnumerable<JsonFinding> findings) => findings.Select(f => f.RuleId).Order().ToList();
}
