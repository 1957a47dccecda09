using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Infrastructure;

namespace WsAnalyzers.Rules;

/// <summary>
/// WS2001: a long-lived collection of connections that is added to and never removed from, cleared, replaced or
/// handed to code that could shrink it, anywhere in the compilation (decided at compilation end).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConnectionCollectionNeverShrunkAnalyzer : WebSocketAnalyzer
{
    /// <summary>The <see cref="RegistrationShape"/> of each additional location (an add), separated by ';'.</summary>
    public const string ShapesProperty = "Shapes";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WS2001ConnectionCollectionNeverShrunk);

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        if (apis.Collections.Tracked.IsEmpty)
        {
            return;
        }

        var collector = new CollectionUseCollector(apis, apis.Collections.IsTracked);
        RegisterOperationAction(context, collector.Record, CollectionUseCollector.ReferenceKinds(apis));
        context.RegisterCompilationEndAction(end => Report(end, apis, collector));
    }

    private static void Report(CompilationAnalysisContext context, WebSocketApis apis, CollectionUseCollector collector)
    {
        foreach (var uses in collector.ByMember())
        {
            var adds = ConnectionCollections.Adds(uses);
            if (adds.Count == 0 ||
                uses.Any(use => use.Kind is CollectionUseKind.Removal or CollectionUseKind.Escape) ||
                !apis.IsConnectionCollection(uses.Key, adds))
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(ShapesProperty, string.Join(";", adds.Select(add => apis.ShapeOf(add).ToString())));
            context.Report(Diagnostic.Create(
                Descriptors.WS2001ConnectionCollectionNeverShrunk,
                uses.Key.Locations[0],
                adds.Select(add => add.Operation.Syntax.GetLocation()),
                properties,
                uses.Key.Name));
        }
    }
}
