using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The syntax prefilter of WS5001's helper search (<see cref="CloseChecks"/>): can a helper of the same type, or a helper
/// it calls, examine the Close message at all? Asked from the source of the helpers' bodies, without binding them. A
/// body that spells neither "Close" nor "switch" (nor a Unicode escape) reads no <c>WebSocketMessageType.Close</c>, no
/// CloseStatus and has no switch; below the first level, a nested call can only reach a same-type helper whose name it
/// spells (or, for the calls C# writes itself, Add, the interpolation handler's Append methods or a query's methods).
/// Every doubt answers yes. A prefilter decides what to analyze, never what to report.
/// </summary>
internal static class HelperSyntax
{
    private static readonly List<string> AnyName = new();

    public static bool AnyMayExamineClose(List<IInvocationOperation> helpers, int depth)
    {
        foreach (var helper in helpers)
        {
            var method = helper.TargetMethod.OriginalDefinition;
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || !SameTypeBodies.IsDeclaredAround(helper, method) ||
                helper.SemanticModel is not { } model || model.SyntaxTree != helper.Syntax.SyntaxTree)
            {
                // SameTypeBodies.Of finds no body: the helper answers no.
                continue;
            }

            if (MayExamineClose(method, helper.Syntax.SyntaxTree, depth))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True unless no body of <paramref name="method"/> in <paramref name="tree"/> can examine the Close within
    /// <paramref name="depth"/> levels of helpers.</summary>
    private static bool MayExamineClose(IMethodSymbol method, SyntaxTree tree, int depth)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && SameTypeBodies.BodySyntax(reference.GetSyntax()) is { } body &&
                BodyMayExamineClose(method, body, tree, depth))
            {
                return true;
            }
        }

        return false;
    }

    private static bool BodyMayExamineClose(IMethodSymbol method, SyntaxNode body, SyntaxTree tree, int depth)
    {
        if (SourceSpans.MaySpell(body, "Close") || SourceSpans.Contains(body, "switch"))
        {
            return true;
        }

        if (depth <= 1)
        {
            return false;
        }

        List<string>? localFunctions = null;
        foreach (var node in body.DescendantNodes())
        {
            switch (node.Kind())
            {
                case SyntaxKind.InvocationExpression:
                    if (CalledName(((InvocationExpressionSyntax)node).Expression) is not { } name ||
                        NestedMayExamineClose(method, name, node, tree, depth - 1, ref localFunctions))
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.CollectionInitializerExpression:
                case SyntaxKind.CollectionExpression:
                    if (NestedMayExamineClose(method, "Add", node, tree, depth - 1, ref localFunctions))
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.InterpolatedStringExpression:
                    if (NestedMayExamineClose(method, "AppendLiteral", node, tree, depth - 1, ref localFunctions) ||
                        NestedMayExamineClose(method, "AppendFormatted", node, tree, depth - 1, ref localFunctions))
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.QueryExpression:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The name a call spells; null for a shape this prefilter does not know (the caller then answers yes).</summary>
    private static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Can a call named <paramref name="name"/> at <paramref name="call"/> reach a helper that examines the Close:
    /// a local function of that name in the member around the call, or a method of that name of a type around the call
    /// (the types around <paramref name="method"/>'s declaration) whose body in this file may.</summary>
    private static bool NestedMayExamineClose(IMethodSymbol method, string name, SyntaxNode call, SyntaxTree tree, int depth, ref List<string>? localFunctions)
    {
        // The names of the local functions of the member around the calls, gathered at the first call of the body.
        localFunctions ??= LocalFunctionNames(call);
        if (ReferenceEquals(localFunctions, AnyName) || localFunctions.Contains(name))
        {
            return true;
        }

        for (var type = method.ContainingType?.OriginalDefinition; type is not null; type = type.ContainingType?.OriginalDefinition)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } candidate && MayExamineClose(candidate, tree, depth))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The names of the local functions declared anywhere in the type member around <paramref name="node"/>
    /// (<see cref="AnyName"/> when there is no such member: every call counts).</summary>
    private static List<string> LocalFunctionNames(SyntaxNode node)
    {
        var names = new List<string>();
        SyntaxNode? member = null;
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is MemberDeclarationSyntax)
            {
                member = current;
                break;
            }
        }

        if (member is null)
        {
            return AnyName;
        }

        foreach (var descendant in member.DescendantNodes())
        {
            if (descendant is LocalFunctionStatementSyntax local)
            {
                names.Add(local.Identifier.ValueText);
            }
        }

        return names;
    }
}
