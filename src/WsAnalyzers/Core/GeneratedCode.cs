using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Core;

/// <summary>
/// Keeps our diagnostics out of generated code. The rules configure <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/>
/// without <see cref="GeneratedCodeAnalysisFlags.Analyze"/>: the driver still skips generated files and members, but no
/// longer filters what is reported. Its filter walked every token of a file at the file's first diagnostic (about 160 µs a
/// file, charged to whichever rule reported first), where these checks read a file name and the file's first comments.
/// The checks are the driver's: a generated file name, an auto-generated header, <c>generated_code = true</c> in
/// .editorconfig, a <c>#line hidden</c> region, and <see cref="System.CodeDom.Compiler.GeneratedCodeAttribute"/> on the
/// declarations a member-level diagnostic names.
/// </summary>
internal static class GeneratedCode
{
    private static readonly string[] GeneratedFileSuffixes = { ".designer.cs", ".generated.cs", ".g.cs", ".g.i.cs" };

    // The one place a rule's diagnostic reaches the driver: BannedSymbols.txt bans ReportDiagnostic everywhere else.
#pragma warning disable RS0030
    public static void Report(this OperationAnalysisContext context, Diagnostic diagnostic)
    {
        if (!Hides(diagnostic.Location, context.Compilation, context.CancellationToken))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this OperationBlockAnalysisContext context, Diagnostic diagnostic)
    {
        if (!Hides(diagnostic.Location, context.Compilation, context.CancellationToken))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this CompilationAnalysisContext context, Diagnostic diagnostic)
    {
        if (!Hides(diagnostic.Location, context.Compilation, context.CancellationToken))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
#pragma warning restore RS0030

    /// <summary>True when <paramref name="member"/> or a type containing it carries
    /// <paramref name="generatedCodeAttribute"/> (System.CodeDom.Compiler.GeneratedCodeAttribute).</summary>
    public static bool IsMarkedGenerated(ISymbol member, INamedTypeSymbol? generatedCodeAttribute)
    {
        if (generatedCodeAttribute is null)
        {
            return false;
        }

        for (var symbol = member; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass.IsType(generatedCodeAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when a diagnostic at <paramref name="location"/> would be in generated or hidden code.</summary>
    public static bool Hides(Location location, Compilation compilation, CancellationToken cancellation)
    {
        if (!location.IsInSource || location.SourceTree is not { } tree)
        {
            return false;
        }

        return IsGeneratedFile(tree, cancellation) ||
               IsMarkedGeneratedInOptions(tree, compilation, cancellation) ||
               (tree.HasHiddenRegions() && tree.GetLineVisibility(location.SourceSpan.Start, cancellation) == LineVisibility.Hidden);
    }

    private static readonly object Generated = new();
    private static readonly object NotGenerated = new();
    private static readonly ConditionalWeakTable<SyntaxTree, object> GeneratedFiles = new();

    /// <summary>The file's name or header says it is generated: read once per file (a file reports many diagnostics).</summary>
    private static bool IsGeneratedFile(SyntaxTree tree, CancellationToken cancellation)
    {
        if (!GeneratedFiles.TryGetValue(tree, out var known))
        {
            known = ReadGeneratedFile(tree, cancellation);
        }

        return known == Generated;
    }

    private static object ReadGeneratedFile(SyntaxTree tree, CancellationToken cancellation)
    {
        var read = IsGeneratedFileName(tree.FilePath) || HasGeneratedHeader(tree, cancellation) ? Generated : NotGenerated;
        return GeneratedFiles.GetValue(tree, _ => read);
    }

    private static bool IsGeneratedFileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var fileName = System.IO.Path.GetFileName(path);
        if (fileName.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var suffix in GeneratedFileSuffixes)
        {
            if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarkedGeneratedInOptions(SyntaxTree tree, Compilation compilation, CancellationToken cancellation) =>
        compilation.Options.SyntaxTreeOptionsProvider?.IsGenerated(tree, cancellation) == GeneratedKind.MarkedGenerated;

    /// <summary>A comment containing "&lt;auto-generated" or "&lt;autogenerated" before the file's first token.</summary>
    private static bool HasGeneratedHeader(SyntaxTree tree, CancellationToken cancellation)
    {
        foreach (var trivia in tree.GetRoot(cancellation).GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                var text = trivia.ToString();
                if (text.IndexOf("<auto-generated", StringComparison.Ordinal) >= 0 ||
                    text.IndexOf("<autogenerated", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
