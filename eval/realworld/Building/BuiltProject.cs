using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>One compilation of a labelled project (or folder), with what could not be resolved and the stand-ins used, so
/// that a report can say why a compilation has errors.</summary>
public sealed class BuiltProject(string name, CSharpCompilation compilation, IReadOnlyList<string> unresolved, IReadOnlyList<string> standIns)
{
    private IReadOnlyList<Diagnostic>? _errors;

    public string Name { get; } = name;

    public CSharpCompilation Compilation { get; } = compilation;

    /// <summary>Package or assembly references that are neither served nor stood in for.</summary>
    public IReadOnlyList<string> Unresolved { get; } = unresolved;

    public IReadOnlyList<string> StandIns { get; } = standIns;

    /// <summary>Compiler errors, excluding those in stand-in sources.</summary>
    public IReadOnlyList<Diagnostic> Errors => _errors ??= Compilation.GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Error && !(d.Location.SourceTree?.FilePath.StartsWith(ProjectCompiler.StandInPrefix, System.StringComparison.Ordinal) ?? false))
        .ToList();
}
