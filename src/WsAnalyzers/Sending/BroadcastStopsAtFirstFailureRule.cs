using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>WS3002: a loop (or ForEach call) over connections whose per-connection send has no exception handling inside the loop.</summary>
internal static class BroadcastStopsAtFirstFailureRule
{
    /// <summary>The metadata name of the exception the fix catches.</summary>
    public const string ExceptionTypeProperty = "ExceptionType";

    /// <summary>The ConcurrentDictionary the loop iterates, when the fix can remove the dead connection from it.</summary>
    public const string RegistryProperty = "Registry";

    /// <summary>The key of the iteration's connection in <see cref="RegistryProperty"/>.</summary>
    public const string KeyProperty = "Key";

    internal static bool AppliesTo(WebSocketApis apis) => apis.WebSocket is not null || apis.SharpWebSocket is not null;

    internal static void AnalyzeLoop(OperationAnalysisContext context, WebSocketApis apis, ThreadingApis threading, SendingCaches caches)
    {
        var loop = (ILoopOperation)context.Operation;

        // Every send method of the contract has "Send" in its name; a loop without it can only broadcast through a helper
        // it hands its own variable (and has none when it has no variable).
        var mentionsSend = caches.SendMentions.Spells(loop.Body.Syntax.SyntaxTree, loop.Body.Syntax.Span);
        if ((!mentionsSend && loop.Locals.IsEmpty) || Broadcasts.UnhandledSends(apis, caches, loop, mentionsSend) is not { Count: > 0 } sends)
        {
            return;
        }

        Report(context, caches, sends, loop.KeywordLocation(), RegistryEntry(threading, loop));
    }

    /// <summary>For <c>foreach (var (id, socket) in registry)</c> and <c>foreach (var pair in registry)</c> over a
    /// ConcurrentDictionary field or local: the registry and the key expression, so the fix can remove the dead entry.</summary>
    private static (string Registry, string Key)? RegistryEntry(ThreadingApis threading, ILoopOperation loop)
    {
        if (loop is not IForEachLoopOperation forEach || forEach.Collection.WithoutConversions() is not { } collection ||
            !SocketIdentity.IsStableReference(collection) || collection.Type is not INamedTypeSymbol { TypeArguments.Length: 2 } registry ||
            !registry.IsType(threading.ConcurrentDictionary))
        {
            return null;
        }

        var key = registry.TypeArguments[0];
        var locals = forEach.Locals;
        if (locals.Length == 2 && SymbolEqualityComparer.Default.Equals(locals[0].Type, key) &&
            SymbolEqualityComparer.Default.Equals(locals[1].Type, registry.TypeArguments[1]))
        {
            return (collection.Syntax.ToString(), locals[0].Name);
        }

        if (locals.Length == 1 && locals[0].Type is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair &&
            SymbolEqualityComparer.Default.Equals(pair.TypeArguments[0], key))
        {
            return (collection.Syntax.ToString(), locals[0].Name + ".Key");
        }

        return null;
    }

    /// <summary>Judges a call that is not a send: a ForEach-style call whose lambda sends to each connection.</summary>
    internal static void AnalyzeForEachCall(OperationAnalysisContext context, WebSocketApis apis, ThreadingApis threading, SendingCaches caches, IInvocationOperation invocation)
    {
        if (Broadcasts.ForEachBody(threading, invocation) is { } lambda)
        {
            Report(context, caches, Broadcasts.UnhandledSends(apis, caches, lambda), invocation.Syntax.GetLocation(), null);
        }
    }

    private static void Report(
        OperationAnalysisContext context, SendingCaches caches, List<BroadcastSend> sends, Location location, (string Registry, string Key)? entry)
    {
        if (sends.Count == 0)
        {
            return;
        }

        // One catch type for the fix: sends of different libraries in the same loop get no fix.
        var thrown = sends[0].Thrown;
        for (var i = 1; i < sends.Count && thrown is not null; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(sends[i].Thrown, thrown))
            {
                thrown = null;
            }
        }

        var exception = thrown is null ? null : caches.DisplayNames.GetOrAdd(thrown, static type => type.ToDisplayString());
        var properties = exception is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ExceptionTypeProperty, exception);
        if (entry is { } removable && exception is not null)
        {
            properties = properties.Add(RegistryProperty, removable.Registry).Add(KeyProperty, removable.Key);
        }

        context.Report(Diagnostic.Create(
            Descriptors.WS3002BroadcastStopsAtFirstFailure,
            location,
            sends.Select(s => s.Invocation.Syntax.GetLocation()),
            properties));
    }
}
