using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// WS2002: a long-lived list, queue, linked list or StringBuilder that a message handler (a receive loop body, an
/// OnMessage handler or override, a Hub method) appends to, with no trim, cap, dequeue, removal, clear or
/// reassignment anywhere in the compilation (decided at compilation end). A count check followed by a removal is a
/// removal, and an add that runs only while the count is below a limit is capped, so a capped history is never reported.
/// </summary>
internal static class MessageHistoryUnboundedRule
{
    /// <summary>Judges the uses of the long-lived history collections, grouped by collection.</summary>
    internal static void Report(CompilationAnalysisContext context, WebSocketApis apis, IEnumerable<IGrouping<ISymbol, CollectionUse>> byMember)
    {
        foreach (var uses in byMember)
        {
            if (uses.Any(use => use.Kind is CollectionUseKind.Removal or CollectionUseKind.Escape))
            {
                continue;
            }

            var all = ConnectionCollections.Adds(uses);
            var adds = all.Where(add => !CountGuards.IsCapped(add.Operation, uses.Key)).ToList();
            if (!adds.Any(add => add.InMessageHandler) || ConnectionCollections.IsConnectionCollection(apis, uses.Key, all))
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
