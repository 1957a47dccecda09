using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsAnalyzers.Cli.Analysis;

/// <summary>Every analyzer and fixer of the WsAnalyzers assemblies, found by reflection so new rules need no change here.</summary>
internal static class RuleCatalog
{
    private static readonly Assembly AnalyzerAssembly = typeof(WsAnalyzers.Descriptors).Assembly;
    private static readonly Assembly FixerAssembly = typeof(WsAnalyzers.CodeFixes.SendWithoutStateCheckCodeFixProvider).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        Instantiate<DiagnosticAnalyzer>(AnalyzerAssembly, t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));

    public static ImmutableArray<CodeFixProvider> Fixers { get; } =
        Instantiate<CodeFixProvider>(FixerAssembly, t => t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any());

    /// <summary>The rules, one descriptor per ID, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Rules { get; } =
        Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

    public static IReadOnlyDictionary<string, DiagnosticDescriptor> RulesById { get; } =
        Rules.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static bool HasFix(string id) => Fixers.Any(f => f.FixableDiagnosticIds.Contains(id));

    public static string Version { get; } =
        AnalyzerAssembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? AnalyzerAssembly.GetName().Version?.ToString() ?? "0.0.0";

    private static ImmutableArray<T> Instantiate<T>(Assembly assembly, Func<Type, bool> exported) =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && exported(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
