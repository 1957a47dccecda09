using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// The resource-bound rules, WS2001 to WS2003, from one pass over long-lived collections: every field and property
/// reference of the compilation is looked at once and the uses of the collections any of the three tracks are kept for
/// the compilation-end judgements. A collector per rule looked at every reference three times.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResourceBoundsAnalyzer : WebSocketAnalyzer
{
    public ResourceBoundsAnalyzer()
        : base(
            Descriptors.WS2001ConnectionCollectionNeverShrunk,
            Descriptors.WS2002MessageHistoryUnbounded,
            Descriptors.WS2003ConnectionNotRemovedOnEveryClosePath)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        var compilation = context.Compilation;
        var cancellation = context.CancellationToken;
        var collections = apis.Collections;
        var neverShrunk = Runs(compilation, Descriptors.WS2001ConnectionCollectionNeverShrunk, cancellation) && !collections.Tracked.IsEmpty;
        var notRemoved = Runs(compilation, Descriptors.WS2003ConnectionNotRemovedOnEveryClosePath, cancellation) && !collections.Tracked.IsEmpty;
        var histories = Runs(compilation, Descriptors.WS2002MessageHistoryUnbounded, cancellation) && !collections.Histories.IsEmpty;
        var connections = neverShrunk || notRemoved;
        if (!connections && !histories)
        {
            return;
        }

        var bodies = new SourceBodies();
        var collector = new CollectionUseCollector(
            apis, type => (connections && collections.IsTracked(type)) || (histories && collections.IsHistory(type)), notRemoved ? bodies : null);
        RegisterOperationAction(context, collector.Record, CollectionUseCollector.ReferenceKinds(apis));
        var calls = new CallGraph(bodies);
        if (notRemoved)
        {
            RegisterOperationAction(context, calls.Record, OperationKind.Invocation);
        }

        context.RegisterCompilationEndAction(end =>
        {
            // A member whose uses this analyzer may not have seen (see WebSocketRelevance) is not judged.
            var relevance = WebSocketRelevance.For(end.Compilation);
            var byMember = collector.ByMember().Where(uses => !relevance.MayBeUsedWhereSkipped(uses.Key, end.CancellationToken)).ToList();
            if (neverShrunk)
            {
                ConnectionCollectionNeverShrunkRule.Report(end, apis, Of(byMember, collections.IsTracked));
            }

            if (histories)
            {
                MessageHistoryUnboundedRule.Report(end, apis, Of(byMember, collections.IsHistory));
            }

            if (notRemoved)
            {
                ConnectionNotRemovedOnEveryClosePathRule.Report(end, apis, Of(byMember, collections.IsTracked), calls, bodies);
            }
        });
    }

    private static IEnumerable<IGrouping<ISymbol, CollectionUse>> Of(
        List<IGrouping<ISymbol, CollectionUse>> byMember, System.Func<ITypeSymbol?, bool> isOfType) =>
        byMember.Where(uses => isOfType(ConnectionCollections.TypeOf(uses.Key)));
}
