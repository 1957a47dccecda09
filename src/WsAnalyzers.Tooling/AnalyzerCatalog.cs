using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsAnalyzers.Tooling;

/// <summary>What the package ships: every analyzer carrying [DiagnosticAnalyzer] for C#, found by reflection so a new rule
/// needs no change here. Fixers are in <see cref="FixerCatalog"/>, so that a consumer without Roslyn's workspaces
/// layer (the benchmarks) can still read this one.</summary>
public static class AnalyzerCatalog
{
    public static Assembly Assembly { get; } = typeof(WsAnalyzers.Core.Descriptors).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Instances.Of<DiagnosticAnalyzer>(
        Assembly, t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>(inherit: false).Any(a => a.Languages.Contains(LanguageNames.CSharp)));

    /// <summary>The rules, one descriptor per ID, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Rules { get; } =
        Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

    public static IReadOnlyDictionary<string, DiagnosticDescriptor> RulesById { get; } =
        Rules.ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>The shipped analyzer that reports <paramref name="id"/>.</summary>
    public static DiagnosticAnalyzer AnalyzerOf(string id) =>
        Analyzers.First(a => a.SupportedDiagnostics.Any(d => d.Id == id));

    public static string Version { get; } =
        Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
