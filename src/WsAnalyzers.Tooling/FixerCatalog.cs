using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;

namespace WsAnalyzers.Tooling;

/// <summary>What the package ships for fixing: every code fix provider carrying [ExportCodeFixProvider].</summary>
public static class FixerCatalog
{
    public static Assembly Assembly { get; } = typeof(WsAnalyzers.CodeFixes.Core.DocumentBatchCodeFixProvider).Assembly;

    public static ImmutableArray<CodeFixProvider> Fixers { get; } =
        Instances.Of<CodeFixProvider>(Assembly, t => t.IsDefined(typeof(ExportCodeFixProviderAttribute), inherit: false));

    public static bool HasFix(string id) => Fixers.Any(f => f.FixableDiagnosticIds.Contains(id));
}
