using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Infrastructure;

namespace WsAnalyzers.Rules;

/// <summary>
/// WS2002: a long-lived list, queue, linked list or StringBuilder that a message handler (a receive loop body, an
/// OnMessage handler or override, a Hub method) appends to, with no trim, cap, dequeue, removal, clear or
/// reassignment anywhere in the compilation (decided at compilation end). A count check followed by a removal is a
/// removal, so a capped history is never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageHistoryUnboundedAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WS2002MessageHistoryUnbounded);

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        if (apis.Collections.Histories.IsEmpty)
        {
            return;
        }

        var collector = new CollectionUseCollector(apis, apis.Collections.IsHistory);
        RegisterOperationAction(context, collector.Record, CollectionUseCollector.ReferenceKinds(apis));
        context.RegisterCompilationEndAction(end => Report(end, apis, collector));
    }

    private static void Report(CompilationAnalysisContext context, WebSocketApis apis, CollectionUseCollector collector)
    {
        foreach (var uses in collector.ByMember())
        {
            var adds = ConnectionCollections.Adds(uses);
            if (!adds.Any(add => add.InMessageHandler) ||
                uses.Any(use => use.Kind is CollectionUseKind.Removal or CollectionUseKind.Escape) ||
                apis.IsConnectionCollection(uses.Key, adds))
            {
                continue;
            }

            context.Report(Diagnostic.Create(
                Descriptors.WS2002MessageHistoryUnbounded,
                uses.Key.Locations[0],
                adds.Select(add => add.Operation.Syntax.GetLocation()),
                uses.Key.Name));
        }
    }
}
