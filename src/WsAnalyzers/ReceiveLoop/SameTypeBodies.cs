using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The bodies of helpers a receive loop calls: methods, local functions and property getters declared in the caller's
/// own type, in the same file. "A helper of the same type" is where receive loops put their Close handling and their
/// state checks (<c>if (IsClose(result)) break;</c>, <c>while (IsConnected)</c>). Nothing is cached: the rules ask only
/// when the loop itself has not answered.
/// </summary>
internal static class SameTypeBodies
{
    /// <summary>The body of the method or local function <paramref name="invocation"/> calls; null unless it is declared in
    /// the caller's type (or is a local function) in the same file.</summary>
    public static IOperation? Of(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        return method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && IsDeclaredAround(invocation, method)
            ? BodyOf(invocation.SemanticModel, method, invocation.Syntax.SyntaxTree)
            : null;
    }

    /// <summary>The getter body of the property <paramref name="reference"/> reads, under the same conditions.</summary>
    public static IOperation? Of(IPropertyReferenceOperation reference)
    {
        var getter = reference.Property.OriginalDefinition.GetMethod;
        return getter is not null && IsDeclaredAround(reference, reference.Property.OriginalDefinition)
            ? BodyOf(reference.SemanticModel, getter, reference.Syntax.SyntaxTree) ??
              BodyOf(reference.SemanticModel, reference.Property.OriginalDefinition, reference.Syntax.SyntaxTree)
            : null;
    }

    private static IOperation? BodyOf(SemanticModel? model, ISymbol member, SyntaxTree tree)
    {
        if (model is null || model.SyntaxTree != tree)
        {
            return null;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != tree)
            {
                continue;
            }

            var body = BodySyntax(reference.GetSyntax());
            if (body is not null && model.GetOperation(body) is { } operation)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>The body (block or expression) of a method, local function, accessor or expression-bodied property.</summary>
    public static SyntaxNode? BodySyntax(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
        LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody?.Expression,
        PropertyDeclarationSyntax property => property.ExpressionBody?.Expression,
        _ => null,
    };

    /// <summary>A local function, or a member of a type whose declaration in this file contains the call.</summary>
    public static bool IsDeclaredAround(IOperation use, ISymbol member)
    {
        if (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
        {
            return true;
        }

        if (member.DeclaringSyntaxReferences.IsEmpty || member.ContainingType is not { } type)
        {
            return false;
        }

        var tree = use.Syntax.SyntaxTree;
        var position = use.Syntax.SpanStart;
        foreach (var reference in type.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.Span.Contains(position))
            {
                return true;
            }
        }

        return false;
    }
}
