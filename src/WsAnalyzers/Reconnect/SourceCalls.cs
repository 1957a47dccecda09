using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Follows calls into methods and local functions declared in source in the same compilation, of any type, so a rule
/// can see what a helper does ("the handler calls ReconnectAsync(), which calls ConnectAsync"; "the retry loop calls
/// dialer.OpenAsync(), whose OpenAsync connects"). Callers bound the depth with <see cref="MaxDepth"/> and pass a visited
/// set, so recursion and mutual recursion terminate. Interface, abstract and extern methods have no body to follow.
/// </summary>
internal static class SourceCalls
{
    public const int MaxDepth = 3;

    /// <summary>Operation trees of followed methods, built once per method (symbols live as long as their compilation).</summary>
    private static readonly ConditionalWeakTable<IMethodSymbol, StrongBox<IOperation?>> Bodies = new();

    /// <summary>True when <paramref name="invocation"/> calls a method or local function declared in source: the cheapest
    /// test there is (a method from metadata has no declaring syntax) before anything is bound.</summary>
    public static bool IsSourceCall(IInvocationOperation invocation) =>
        invocation.TargetMethod.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction &&
        !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>The body (method body or local function) of the method <paramref name="invocation"/> calls, when it is
    /// declared in source in this compilation and has not been visited yet; null otherwise.</summary>
    public static IOperation? CalleeBody(IInvocationOperation invocation, HashSet<IMethodSymbol> visited) =>
        MethodBody(invocation.TargetMethod, invocation.SemanticModel, visited);

    /// <summary>The body of <paramref name="method"/> (see <see cref="CalleeBody"/>); <paramref name="model"/> is the model
    /// of the tree the reference to it is written in.</summary>
    public static IOperation? MethodBody(IMethodSymbol method, SemanticModel? model, HashSet<IMethodSymbol> visited)
    {
        method = method.OriginalDefinition;
        if (model is null || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || visited.Contains(method))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (syntax is not (MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null } or LocalFunctionStatementSyntax))
            {
                continue;
            }

            var body = Bodies.GetValue(method, _ => new StrongBox<IOperation?>(ModelOf(model, reference.SyntaxTree)?.GetOperation(syntax))).Value;
            if (body is not null)
            {
                visited.Add(method);
                return body;
            }
        }

        return null;
    }

    /// <summary>The declaration (method or local function, with a body) <paramref name="invocation"/> calls, when it is
    /// declared in source; null otherwise. Nothing is bound.</summary>
    public static SyntaxNode? CalleeDeclaration(IInvocationOperation invocation)
    {
        if (!IsSourceCall(invocation))
        {
            return null;
        }

        foreach (var reference in invocation.TargetMethod.OriginalDefinition.DeclaringSyntaxReferences)
        {
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

    /// <summary>The semantic model of <paramref name="tree"/>: <paramref name="model"/> itself for its own tree, else the
    /// compilation's model of the other tree. The analyzer driver attaches a caching semantic model provider to the
    /// compilation it analyzes, so this is the model the driver binds that tree with, not a new one per call.</summary>
    private static SemanticModel? ModelOf(SemanticModel model, SyntaxTree tree)
    {
        if (tree == model.SyntaxTree)
        {
            return model;
        }

        if (!model.Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // Only for a method a reconnect path calls, once per method (Bodies); see the summary.
        return model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }
}
