using System.Threading;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Core;

/// <summary>
/// Whether a rule is turned off for the whole compilation. The driver skips an analyzer only when every rule it
/// reports is off, so a rule family asks this per rule and skips the work of the rules a user turned off. Conservative:
/// a rule counts as off only when no file's settings, no global setting and no compilation option turn it on.
/// </summary>
internal static class RuleSwitches
{
    public static bool IsOff(Compilation compilation, DiagnosticDescriptor rule, CancellationToken cancellation)
    {
        var options = compilation.Options;
        var hasSpecific = options.SpecificDiagnosticOptions.TryGetValue(rule.Id, out var specific);
        if (hasSpecific && specific != ReportDiagnostic.Suppress)
        {
            return false;
        }

        var provider = options.SyntaxTreeOptionsProvider;
        var global = ReportDiagnostic.Default;
        var hasGlobal = provider is not null && provider.TryGetGlobalDiagnosticValue(rule.Id, cancellation, out global);
        if (hasGlobal && global != ReportDiagnostic.Suppress)
        {
            return false;
        }

        var offByDefault = hasSpecific || hasGlobal || !rule.IsEnabledByDefault;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider is not null && provider.TryGetDiagnosticValue(tree, rule.Id, cancellation, out var severity))
            {
                if (severity != ReportDiagnostic.Suppress)
                {
                    return false;
                }
            }
            else if (!offByDefault)
            {
                return false;
            }
        }

        return true;
    }
}
