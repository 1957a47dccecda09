using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Apis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// A syntax-only prefilter for following source calls to a connect. One pass over a file finds the methods and local
/// functions declared in it that could reach a connect: those that invoke a member spelled like a connect method of the
/// contract, and those that invoke (or hand as a method group) one of them, by name (types, overloads and nesting are
/// not told apart, so the set is a superset). A chain through other files is seen when its names are connect names.
/// Names only rule a method out, so that its body is never bound for this question; whether a call connects is still
/// decided on symbols.
/// </summary>
internal static class ConnectCandidates
{
    private static readonly HashSet<string> NoNames = new();

    public static bool MayReachConnect(ReconnectCaches caches, SyntaxNode calleeDeclaration, string calleeName)
    {
        var scope = calleeDeclaration.SyntaxTree.GetRoot();
        if (!caches.ConnectReachingNames.TryGetValue(scope, out var names))
        {
            names = MentionsConnectName(scope) ? Compute(scope) : NoNames;
            caches.ConnectReachingNames.TryAdd(scope, names);
        }

        return names.Contains(calleeName);
    }

    /// <summary>Every connect name of the contract contains "onnect" (Connect, ConnectAsync, Reconnect, ReconnectOrFail) or
    /// "Start" (Start, StartAsync, StartOrFail): a declaration whose text has neither cannot invoke one.</summary>
    private static bool MentionsConnectName(SyntaxNode scope) =>
        SourceSpans.Contains(scope, "onnect") || SourceSpans.Contains(scope, "Start");

    private static HashSet<string> Compute(SyntaxNode scope)
    {
        var reaching = new HashSet<string>(System.StringComparer.Ordinal);
        var invokes = new Dictionary<string, HashSet<string>>(System.StringComparer.Ordinal);
        foreach (var node in scope.DescendantNodes())
        {
            var name = node switch
            {
                InvocationExpressionSyntax invocation => SyntaxNames.Invoked(invocation.Expression),
                ArgumentSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } argument => SyntaxNames.Invoked(argument.Expression),
                _ => null,
            };
            if (name is null || Owner(node) is not { } owner)
            {
                continue;
            }

            if (WebSocketApis.MayBe(name, WebSocketCallKind.Connect))
            {
                reaching.Add(owner);
            }
            else
            {
                if (!invokes.TryGetValue(owner, out var callees))
                {
                    invokes[owner] = callees = new HashSet<string>(System.StringComparer.Ordinal);
                }

                callees.Add(name);
            }
        }

        for (var changed = reaching.Count > 0; changed;)
        {
            changed = false;
            foreach (var pair in invokes)
            {
                if (!reaching.Contains(pair.Key) && pair.Value.Overlaps(reaching))
                {
                    changed |= reaching.Add(pair.Key);
                }
            }
        }

        return reaching;
    }

    /// <summary>The name of the method or local function whose body contains the invocation.</summary>
    private static string? Owner(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LocalFunctionStatementSyntax local:
                    return local.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
