using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>What the sending rules remember for one compilation (created at compilation start by <see cref="SendingAnalyzer"/>).</summary>
internal sealed class SendingCaches
{
    /// <summary>The System.Net.WebSockets sends of a type on one socket (<see cref="SendSite.OnSocket"/>).</summary>
    public ConcurrentDictionary<INamedTypeSymbol, ConcurrentDictionary<ISymbol, ImmutableArray<SendSite>>> SendSites { get; } =
        new(SymbolEqualityComparer.Default);

    /// <summary>What a send helper throws to its caller when the connection in the given parameters (a bit set of
    /// ordinals) is gone; null when it does not (<see cref="SendHelpers"/>).</summary>
    public ConcurrentDictionary<IMethodSymbol, ConcurrentDictionary<int, INamedTypeSymbol?>> HelperFailures { get; } =
        new(SymbolEqualityComparer.Default);

    /// <summary>The calls of an async method, in its type in the method's file, that drop its task (<see cref="UnawaitedRuns"/>).</summary>
    public ConcurrentDictionary<IMethodSymbol, List<UnawaitedRuns.DroppedStart>> UnawaitedStarts { get; } =
        new(SymbolEqualityComparer.Default);

    /// <summary>Where each file's text spells "Send": WS3002 asks it of every loop body.</summary>
    public WordPositions SendMentions { get; } = new("Send");

    /// <summary>The display names of the exception types WS3002's fix catches.</summary>
    public ConcurrentDictionary<INamedTypeSymbol, string> DisplayNames { get; } = new(SymbolEqualityComparer.Default);
}
