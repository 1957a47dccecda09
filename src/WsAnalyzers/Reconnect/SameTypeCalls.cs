using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Follows calls into methods and local functions of the same type that are declared in the same syntax tree, so a
/// rule can see what a helper does ("the handler calls ReconnectAsync(), which calls ConnectAsync"). Callers bound
/// the depth with <see cref="MaxDepth"/> and pass a visited set, so recursion and mutual recursion terminate.
/// </summary>
internal static class SameTypeCalls
{
    public const int MaxDepth = 3;

    /// <summary>Operation trees of followed methods, built once per method (symbols live as long as their compilation).</summary>
    private static readonly ConditionalWeakTable<IMethodSymbol, StrongBox<IOperation?>> Bodies = new();

    /// <summary>The body (method body or local function) of the method <paramref name="invocation"/> calls, when it is
    /// declared in the caller's type and syntax tree and has not been visited yet; null otherwise.</summary>
    public static IOperation? CalleeBody(IInvocationOperation invocation, HashSet<IMethodSymbol> visited)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        var model = invocation.SemanticModel;
        if (model is null || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) ||
            !IsCallerType(invocation, method.ContainingType) || visited.Contains(method))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var syntax = reference.GetSyntax();
            if (syntax is MethodDeclarationSyntax { Body: null, ExpressionBody: null })
            {
                continue;
            }

            if (syntax is MethodDeclarationSyntax or LocalFunctionStatementSyntax &&
                Bodies.GetValue(method, _ => new StrongBox<IOperation?>(model.GetOperation(syntax))).Value is { } body)
            {
                visited.Add(method);
                return body;
            }
        }

        return null;
    }

    /// <summary>The declaration (method or local function, with a body) <paramref name="invocation"/> calls, when it is
    /// declared in the caller's type and syntax tree; null otherwise. Nothing is bound.</summary>
    public static SyntaxNode? CalleeDeclaration(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || !IsCallerType(invocation, method.ContainingType))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != invocation.Syntax.SyntaxTree)
            {
                continue;
            }

            var syntax = reference.GetSyntax();
            if (syntax is LocalFunctionStatementSyntax or MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null })
            {
                return syntax;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="invocation"/> calls the method, local function or lambda it is in (a recursive call).</summary>
    public static bool IsRecursive(IInvocationOperation invocation, ISymbol containingSymbol)
    {
        var target = invocation.TargetMethod.OriginalDefinition;
        var function = invocation.EnclosingFunction();
        var current = function switch
        {
            ILocalFunctionOperation local => local.Symbol,
            IAnonymousFunctionOperation => null,
            _ => containingSymbol,
        };
        return current is not null && SymbolEqualityComparer.Default.Equals(target, current.OriginalDefinition);
    }

    /// <summary>True when <paramref name="invocation"/> calls a method declared in source in the caller's own type (or an
    /// enclosing type). A method without declaring syntax (from metadata, or implicitly declared) has no body to follow,
    /// and asking for it is the cheapest test there is. <paramref name="caller"/>, the member the call is written in when
    /// known, rules most of the rest out: a call written in a declaration of the callee's type is written in a member of
    /// that type or of a type nested in it.</summary>
    public static bool IsSameTypeCall(IInvocationOperation invocation, ISymbol? caller = null)
    {
        if (invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        var calleeType = invocation.TargetMethod.ContainingType;
        return calleeType is not null && (caller is null || IsTypeOrContainingType(caller, calleeType.OriginalDefinition)) &&
               IsCallerType(invocation, calleeType);
    }

    private static bool IsTypeOrContainingType(ISymbol member, INamedTypeSymbol type)
    {
        for (var current = member as INamedTypeSymbol ?? member.ContainingType; current is not null; current = current.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the call is written inside a declaration of <paramref name="calleeType"/> in the same file (nested
    /// types included). Declarations in other files are not followed anyway, and the syntax check needs no binding.</summary>
    private static bool IsCallerType(IInvocationOperation invocation, INamedTypeSymbol? calleeType)
    {
        if (calleeType is null)
        {
            return false;
        }

        var tree = invocation.Syntax.SyntaxTree;
        var position = invocation.Syntax.SpanStart;
        foreach (var reference in calleeType.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.Span.Contains(position))
            {
                return true;
            }
        }

        return false;
    }
}
