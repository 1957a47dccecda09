using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;

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
        CompilationAnalysisContext context, WebSocketApis apis, IEnumerable<IGrouping<ISymbol, CollectionUse>> byMember, CallGraph calls,
        SourceBodies bodies)
    {
        var reported = new HashSet<SyntaxNode>();
        foreach (var uses in byMember)
        {
            // One pass over the uses: the removals, the adds, and whether the collection escapes (to a method of the
            // compilation, where it may be shrunk through the parameter).
            var removals = new List<CollectionUse>();
            var adds = new List<CollectionUse>();
            var escapes = 0;
            var passedToSource = false;
            foreach (var use in uses)
            {
                switch (use.Kind)
                {
                    case CollectionUseKind.Removal:
                        removals.Add(use);
                        break;
                    case CollectionUseKind.Add:
                        adds.Add(use);
                        break;
                    case CollectionUseKind.Escape:
                        escapes++;
                        passedToSource |= use.Operation is IInvocationOperation { TargetMethod.DeclaringSyntaxReferences.IsEmpty: false };
                        break;
                }
            }

            if ((removals.Count == 0 && !passedToSource) || adds.Count == 0 || !ConnectionCollections.IsConnectionCollection(apis, uses.Key, adds))
            {
                continue;
            }

            RegistrationPaths? paths = null;
            foreach (var add in adds)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var shape = ConnectionCollections.ShapeOf(apis, add);
                if (shape == RegistrationShape.Function)
                {
                    paths ??= new RegistrationPaths(apis, calls, bodies, uses.Key, removals, context.CancellationToken);
                    foreach (var finding in paths.Judge(add, removals.Count > 0))
                    {
                        if (reported.Add(finding.Registration.Syntax))
                        {
                            Report(context, finding.Registration, finding.RemovalsToMove, shape, uses.Key, finding.Reason);
                        }
                    }

                    continue;
                }

                var (missed, reason) = removals.Count == 0 || escapes > 0
                    ? (false, "")
                    : shape switch
                    {
                        RegistrationShape.Hub => JudgeOverride(add, removals, calls, "OnDisconnectedAsync", "OnDisconnectedAsync does not remove it"),
                        RegistrationShape.Behavior => JudgeOverride(add, removals, calls, "OnClose", "OnClose does not remove it"),
                        RegistrationShape.AspNetHub => JudgeOverride(add, removals, calls, "OnDisconnected", "OnDisconnected does not remove it"),
                        RegistrationShape.EmbedIO => JudgeOverride(add, removals, calls, "OnClientDisconnectedAsync", "OnClientDisconnectedAsync does not remove it"),
                        _ => JudgeFleck(apis, add, removals, calls),
                    };
                if (missed && reported.Add(add.Operation.Syntax))
                {
                    Report(context, add.Operation, new List<IOperation>(), shape, uses.Key, reason);
                }
            }
        }
    }

    private static void Report(
        CompilationAnalysisContext context, IOperation registration, List<IOperation> removalsToMove, RegistrationShape shape, ISymbol member,
        string reason) =>
        context.Report(Diagnostic.Create(
            Descriptors.WS2003ConnectionNotRemovedOnEveryClosePath,
            registration.Syntax.GetLocation(),
            removalsToMove.Select(removal => removal.Syntax.GetLocation()),
            ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape.ToString()),
            member.Name,
            reason));

    /// <summary>A Hub (OnDisconnectedAsync), WebSocketBehavior (OnClose), ASP.NET SignalR 2 (OnDisconnected) or EmbedIO
    /// (OnClientDisconnectedAsync) registration: the end-of-connection override of the type or a source base type must
    /// reach a removal.</summary>
    private static (bool, string) JudgeOverride(
        CollectionUse add, List<CollectionUse> removals, CallGraph calls, string overrideName, string reason)
    {
        for (var type = add.ContainingSymbol.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(overrideName))
            {
                if (member is IMethodSymbol { IsOverride: true } method &&
                    removals.Any(removal => calls.Reaches(method, removal.ContainingSymbol)))
                {
                    return (false, "");
                }
            }
        }

        return (true, reason);
    }

    /// <summary>A Fleck registration: an OnClose callback of the same server callback must remove the connection
    /// (Fleck raises OnClose after errors too), directly or through a method of the compilation.</summary>
    private static (bool, string) JudgeFleck(WebSocketApis apis, CollectionUse add, List<CollectionUse> removals, CallGraph calls)
    {
        var callback = ConnectionOpenPaths.FindFleckServerCallback(apis, add.Operation);
        if (callback is null)
        {
            return (false, "");
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
                    return (false, "");
                }
            }

            foreach (var call in lambda.Descendants().OfType<IInvocationOperation>())
            {
                if (removals.Any(removal => calls.Reaches(call.TargetMethod, removal.ContainingSymbol)))
                {
                    return (false, "");
                }
            }
        }

        return (true, "no OnClose callback of the connection removes it");
    }
}
