using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Rules;

namespace WsAnalyzers.Benchmarks;

/// <summary>Every analyzer the package ships, found by reflection so new rules are measured without touching the benchmarks.</summary>
internal static class AnalyzerSet
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } =
        typeof(SendWithoutStateCheckAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static string NameOf(DiagnosticAnalyzer analyzer) =>
        $"{string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct())} {analyzer.GetType().Name}";
}
