using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Sending;

namespace WsAnalyzers.Benchmarks;

/// <summary>The package's analyzers, found by reflection so new rules are measured without touching the benchmarks.</summary>
internal static class AnalyzerSet
{
    /// <summary>What a compiler loads: the analyzers carrying [DiagnosticAnalyzer] (a rule family is one of them).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } =
        Instantiate(t => t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false));

    /// <summary>One analyzer per rule: the shipped single-rule analyzers and the single-rule analyzers of each family.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> PerRule { get; } =
        Instantiate(_ => true).Where(a => a.SupportedDiagnostics.Select(d => d.Id).Distinct().Count() == 1).ToImmutableArray();

    public static string NameOf(DiagnosticAnalyzer analyzer) =>
        $"{string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct())} {analyzer.GetType().Name}";

    private static ImmutableArray<DiagnosticAnalyzer> Instantiate(Func<Type, bool> include) =>
        typeof(SendWithoutStateCheckAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null && include(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
