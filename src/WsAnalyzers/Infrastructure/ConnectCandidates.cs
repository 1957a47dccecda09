using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// A syntax-only prefilter for following same-type calls to a connect: a method can only reach one if its body invokes
/// a member spelled like a connect method of the contract, or a method of its own type that can. Names only rule a
/// method out (so its body is never bound for this question); whether a call connects is still decided on symbols.
/// </summary>
internal static class ConnectCandidates
{
    public static bool MayReachConnect(INamedTypeSymbol type, SyntaxNode declaration)
    {
        var visited = new HashSet<string>(System.StringComparer.Ordinal);
        return MayReachConnect(type, declaration, 1, visited);
    }

    private static bool MayReachConnect(INamedTypeSymbol type, SyntaxNode declaration, int depth, HashSet<string> visited)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation || SyntaxNames.Invoked(invocation.Expression) is not { } name)
            {
                continue;
            }

            if (WebSocketApis.MayBe(name, WebSocketCallKind.Connect))
            {
                return true;
            }

            if (depth < SameTypeCalls.MaxDepth && visited.Add(name) && AnySameTypeMethodMayReachConnect(type, name, declaration.SyntaxTree, depth, visited))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnySameTypeMethodMayReachConnect(INamedTypeSymbol type, string name, SyntaxTree tree, int depth, HashSet<string> visited)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is not IMethodSymbol)
            {
                continue;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == tree && MayReachConnect(type, reference.GetSyntax(), depth + 1, visited))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
