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
            var byMember = collector.ByMember().ToList();
            var usedWhereSkipped = WebSocketRelevance.For(end.Compilation).MayBeUsedWhereSkipped(byMember.Select(uses => uses.Key), end.CancellationToken);
            // Each collection's type is asked once, for the connection rules and the history rule alike.
            var tracked = new List<IGrouping<ISymbol, CollectionUse>>();
            var history = new List<IGrouping<ISymbol, CollectionUse>>();
            foreach (var uses in byMember)
            {
                if (usedWhereSkipped.Contains(uses.Key))
                {
                    continue;
                }

                var type = ConnectionCollections.TypeOf(uses.Key);
                if (connections && collections.IsTracked(type))
                {
                    tracked.Add(uses);
                }

                if (histories && collections.IsHistory(type))
                {
                    history.Add(uses);
                }
            }

            if (neverShrunk)
            {
                ConnectionCollectionNeverShrunkRule.Report(end, apis, tracked);
            }

            if (histories)
            {
                MessageHistoryUnboundedRule.Report(end, apis, history);
            }

            if (notRemoved)
            {
                ConnectionNotRemovedOnEveryClosePathRule.Report(end, apis, tracked, calls, bodies);
            }
        });
    }
}
