using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// WS2003: a connection is registered in a long-lived collection that is shrunk somewhere, but not on every path that
/// ends the connection: a removal after the receive loop that is not in finally (or only on the clean-close branch),
/// a Hub whose OnDisconnectedAsync does not remove it, a WebSocketBehavior or Fleck connection without an OnClose
/// that removes it, an ASP.NET SignalR 2 Hub or PersistentConnection whose OnDisconnected, or an EmbedIO module whose
/// OnClientDisconnectedAsync, does not remove it. Decided at compilation end, when every removal of the compilation is known.
/// </summary>
internal static class ConnectionNotRemovedOnEveryClosePathRule
{
    /// <summary>The <see cref="RegistrationShape"/> of the registration.</summary>
    public const string ShapeProperty = "Shape";

    /// <summary>Judges the uses of the long-lived connection collections, grouped by collection.</summary>
    internal static void Report(
        CompilationAnalysisContext context, WebSocketApis apis, IEnumerable<IGrouping<ISymbol, CollectionUse>> byMember, CallGraph calls)
    {
        foreach (var uses in byMember)
        {
            var removals = uses.Where(use => use.Kind == CollectionUseKind.Removal).ToList();
            var adds = ConnectionCollections.Adds(uses);
            if (removals.Count == 0 || adds.Count == 0 || !ConnectionCollections.IsConnectionCollection(apis, uses.Key, adds))
            {
                continue;
            }

            var escapes = uses.Any(use => use.Kind == CollectionUseKind.Escape);
            foreach (var add in adds)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var shape = ConnectionCollections.ShapeOf(apis, add);
                var (missed, reason, removalsToMove) = shape switch
                {
                    RegistrationShape.Function => JudgeFunction(apis, add, removals),
                    _ when escapes => (false, "", new List<CollectionUse>()),
                    RegistrationShape.Hub => JudgeOverride(add, removals, calls, "OnDisconnectedAsync", "OnDisconnectedAsync does not remove it"),
                    RegistrationShape.Behavior => JudgeOverride(add, removals, calls, "OnClose", "OnClose does not remove it"),
                    RegistrationShape.AspNetHub => JudgeOverride(add, removals, calls, "OnDisconnected", "OnDisconnected does not remove it"),
                    RegistrationShape.EmbedIO => JudgeOverride(add, removals, calls, "OnClientDisconnectedAsync", "OnClientDisconnectedAsync does not remove it"),
                    _ => JudgeFleck(apis, add, removals, calls),
                };
                if (!missed)
                {
                    continue;
                }

                context.Report(Diagnostic.Create(
                    Descriptors.WS2003ConnectionNotRemovedOnEveryClosePath,
                    add.Operation.Syntax.GetLocation(),
                    removalsToMove.Select(removal => removal.Operation.Syntax.GetLocation()),
                    ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape.ToString()),
                    uses.Key.Name,
                    reason));
            }
        }
    }

    /// <summary>An ordinary function (an ASP.NET Core handler) that registers, awaits the connection's lifetime and
    /// removes afterwards, but not in a finally: an abort throws out of ReceiveAsync and skips the removal.</summary>
    private static (bool, string, List<CollectionUse>) JudgeFunction(WebSocketApis apis, CollectionUse add, List<CollectionUse> removals)
    {
        var none = (false, "", new List<CollectionUse>());
        if (add.Operation.EnclosingFunction() is not { } function)
        {
            return none;
        }

        var start = add.Operation.Syntax.SpanStart;
        var local = removals
            .Where(removal => removal.Operation.Syntax.SyntaxTree == function.Syntax.SyntaxTree &&
                              removal.Operation.Syntax.SpanStart > start &&
                              removal.Operation.EnclosingFunction()?.Syntax == function.Syntax)
            .ToList();
        if (local.Count == 0 || local.Any(removal => CleanupPaths.RunsOnEveryExit(apis, removal.Operation)) || !LivesAfter(apis, function, add.Operation))
        {
            return none;
        }

        return (true, "the removal is skipped when the connection ends with an exception; remove it in a finally block", local);
    }

    /// <summary>Between the registration and the end of the function something awaits or receives: the connection's lifetime.</summary>
    private static bool LivesAfter(WebSocketApis apis, IOperation function, IOperation add)
    {
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant.Syntax.SpanStart > add.Syntax.SpanStart &&
                (descendant is IAwaitOperation || (descendant is IInvocationOperation invocation && apis.IsReceive(invocation, out _))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Hub (OnDisconnectedAsync), WebSocketBehavior (OnClose), ASP.NET SignalR 2 (OnDisconnected) or EmbedIO
    /// (OnClientDisconnectedAsync) registration: the end-of-connection override of the type or a source base type must
    /// reach a removal.</summary>
    private static (bool, string, List<CollectionUse>) JudgeOverride(
        CollectionUse add, List<CollectionUse> removals, CallGraph calls, string overrideName, string reason)
    {
        for (var type = add.ContainingSymbol.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(overrideName))
            {
                if (member is IMethodSymbol { IsOverride: true } method &&
                    removals.Any(removal => calls.Reaches(method, removal.ContainingSymbol)))
                {
                    return (false, "", new List<CollectionUse>());
                }
            }
        }

        return (true, reason, new List<CollectionUse>());
    }

    /// <summary>A Fleck registration: an OnClose callback of the same server callback must remove the connection
    /// (Fleck raises OnClose after errors too), directly or through a method of the compilation.</summary>
    private static (bool, string, List<CollectionUse>) JudgeFleck(WebSocketApis apis, CollectionUse add, List<CollectionUse> removals, CallGraph calls)
    {
        var callback = ConnectionOpenPaths.FindFleckServerCallback(apis, add.Operation);
        if (callback is null)
        {
            return (false, "", new List<CollectionUse>());
        }

        foreach (var descendant in callback.Descendants())
        {
            if (descendant is not IAnonymousFunctionOperation lambda ||
                HandlerRecognition.ForLambda(apis, lambda) is not { Kind: HandlerKind.Close, Library: SocketLibrary.Fleck })
            {
                continue;
            }

            foreach (var removal in removals)
            {
                if (removal.Operation.Syntax.SyntaxTree == lambda.Syntax.SyntaxTree && lambda.Syntax.Span.Contains(removal.Operation.Syntax.Span))
                {
                    return (false, "", new List<CollectionUse>());
                }
            }

            foreach (var call in lambda.Descendants().OfType<IInvocationOperation>())
            {
                if (removals.Any(removal => calls.Reaches(call.TargetMethod, removal.ContainingSymbol)))
                {
                    return (false, "", new List<CollectionUse>());
                }
            }
        }

        return (true, "no OnClose callback of the connection removes it", new List<CollectionUse>());
    }
}
