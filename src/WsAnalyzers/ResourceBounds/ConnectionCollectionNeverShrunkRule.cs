using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// WS2001: a long-lived collection of connections that is added to and never removed from, cleared, replaced or
/// handed to code that could shrink it, anywhere in the compilation (decided at compilation end).
/// </summary>
internal static class ConnectionCollectionNeverShrunkRule
{
    /// <summary>The <see cref="RegistrationShape"/> of each additional location (an add), separated by ';'.</summary>
    public const string ShapesProperty = "Shapes";

    /// <summary>Judges the uses of the long-lived connection collections, grouped by collection.</summary>
    internal static void Report(CompilationAnalysisContext context, WebSocketApis apis, IEnumerable<IGrouping<ISymbol, CollectionUse>> byMember)
    {
        foreach (var uses in byMember)
        {
            if (uses.Any(use => use.Kind is CollectionUseKind.Removal or CollectionUseKind.Escape))
            {
                continue;
            }

            var adds = ConnectionCollections.Adds(uses);
            if (adds.Count == 0 || !ConnectionCollections.IsConnectionCollection(apis, uses.Key, adds))
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(ShapesProperty, string.Join(";", adds.Select(add => ConnectionCollections.ShapeOf(apis, add).ToString())));
            context.Report(Diagnostic.Create(
                Descriptors.WS2001ConnectionCollectionNeverShrunk,
                uses.Key.Locations[0],
                adds.Select(add => add.Operation.Syntax.GetLocation()),
                properties,
                uses.Key.Name));
        }
    }
}
