using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests.Architecture;

/// <summary>
/// The folders (namespaces) of the analyzer and fixer assemblies: one per rule family, named after its category and
/// holding its shipped analyzer, and the shared ones. A family is found from the namespace of a shipped analyzer, so a new
/// family folder is covered as soon as its analyzer ships.
/// </summary>
internal sealed record FolderLayout(ImmutableArray<string> Families, ImmutableArray<string> Shared, ImmutableArray<string> FixerShared)
{
    public const string AnalyzerRoot = "WsAnalyzers";
    public const string FixerRoot = AnalyzerRoot + ".CodeFixes";

    /// <summary>The layout of the built assemblies.</summary>
    public static FolderLayout OfThePackage()
    {
        var families = AnalyzerCatalog.Analyzers.Select(a => a.GetType().Namespace!).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var shared = NamespacesOf(AnalyzerCatalog.Assembly).Except(families).ToImmutableArray();
        var fixerFamilies = families.Select(FixerFolderOf);
        var fixerShared = NamespacesOf(FixerCatalog.Assembly).Except(fixerFamilies).ToImmutableArray();
        return new FolderLayout(families, shared, fixerShared);
    }

    public static ImmutableArray<string> NamespacesOf(Assembly assembly) =>
        assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(AnalyzerRoot + ".", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>The fixers' folder for <paramref name="family"/> (WsAnalyzers.Reconnect: WsAnalyzers.CodeFixes.Reconnect).</summary>
    public static string FixerFolderOf(string family) => FixerRoot + family.Substring(AnalyzerRoot.Length);
}
