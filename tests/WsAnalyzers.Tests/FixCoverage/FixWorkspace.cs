using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Tests.Verifiers;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests.FixCoverage;

/// <summary>One corpus file as a project of its own (with the stand-ins and the test references), and what the shipped
/// analyzers and fixers do to it.</summary>
internal static class FixWorkspace
{
    public static Document Create(string path, string source)
    {
        var workspace = new AdhocWorkspace();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var topLevel = CSharpSyntaxTree.ParseText(source, parseOptions).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Corpus",
            "Corpus",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(
                topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: parseOptions,
            metadataReferences: FrameworkOf(source).References));
        foreach (var (name, text) in TestEnvironment.StandIns)
        {
            project = project.AddDocument(name, SourceText.From(text), filePath: name).Project;
        }

        return project.AddDocument(System.IO.Path.GetFileName(path), SourceText.From(source), filePath: path);
    }

    /// <summary>What a shape compiles against: .NET 8, or .NET 9 when it says <c>// framework: net9.0</c> (a rule on an API .NET 9 added).</summary>
    public static TestFramework FrameworkOf(string source) =>
        source.Contains("// framework: net9.0", StringComparison.Ordinal) ? TestEnvironment.Net9 : TestEnvironment.Net8;

    public static async Task<ImmutableArray<Diagnostic>> CompilerErrorsAsync(Document document) =>
        (await document.Project.GetCompilationAsync())!.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();

    /// <summary>The shipped analyzers' diagnostics in <paramref name="document"/>.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Where(d => d.Location.SourceTree == tree).ToImmutableArray();
    }

    /// <summary>The code actions the shipped fixers offer for <paramref name="diagnostic"/>.</summary>
    public static async Task<ImmutableArray<(CodeFixProvider Fixer, CodeAction Action)>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = ImmutableArray.CreateBuilder<(CodeFixProvider, CodeAction)>();
        foreach (var fixer in FixerCatalog.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add((fixer, action)), CancellationToken.None));
        }

        return actions.ToImmutable();
    }

    public static async Task<Document> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    /// <summary>The fixer's Fix All in document scope, for every diagnostic of <paramref name="ruleId"/>, with the
    /// equivalence key of the fix it offers first; null when it offers nothing.</summary>
    public static async Task<Document?> FixAllAsync(Document document, CodeFixProvider fixer, string ruleId, ImmutableArray<Diagnostic> diagnostics)
    {
        var first = diagnostics.FirstOrDefault(d => d.Id == ruleId);
        if (first is null || fixer.GetFixAllProvider() is not { } provider)
        {
            return null;
        }

        var offered = (await ActionsAsync(document, first)).FirstOrDefault(a => a.Fixer == fixer).Action;
        if (offered?.EquivalenceKey is not { } key)
        {
            return null;
        }

        var context = new FixAllContext(
            document, fixer, FixAllScope.Document, key, [ruleId], new Known(diagnostics.Where(d => d.Id == ruleId).ToImmutableArray()), CancellationToken.None);
        return await provider.GetFixAsync(context) is { } action ? await ApplyAsync(document, action) : null;
    }

    /// <summary>How many diagnostics of each ID.</summary>
    public static IReadOnlyDictionary<string, int> Counts(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private sealed class Known(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
