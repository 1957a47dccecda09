using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.CodeFixes;
using WsAnalyzers.Rules;

namespace WsAnalyzers.Tests.Infrastructure;

/// <summary>Every analyzer and fixer the package ships, found by reflection so a new rule is covered automatically.</summary>
internal static class PackageContents
{
    /// <summary>The analyzers a compiler loads: those carrying [DiagnosticAnalyzer] (the single-rule analyzers of a rule
    /// family are for tests and benchmarks).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        Instantiate<DiagnosticAnalyzer>(typeof(SendWithoutStateCheckAnalyzer), t => t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false));

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } =
        Instantiate<CodeFixProvider>(typeof(SendWithoutStateCheckCodeFixProvider), t => t.IsDefined(typeof(ExportCodeFixProviderAttribute), inherit: false));

    public static IEnumerable<DiagnosticDescriptor> Descriptors =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id);

    private static ImmutableArray<T> Instantiate<T>(Type marker, Func<Type, bool> loaded) =>
        marker.Assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null && loaded(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
