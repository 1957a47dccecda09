using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Operations;

/// <summary>Where a local is declared, found from its declaring syntax instead of by walking the function.</summary>
internal static class LocalDeclarations
{
    /// <summary>The declarator of the local <paramref name="reference"/> reads, in the same operation tree (the semantic
    /// model maps the syntax to the node the driver already built), or null.</summary>
    public static IVariableDeclaratorOperation? DeclaratorOf(ILocalReferenceOperation reference)
    {
        if (reference.SemanticModel is not { } model)
        {
            return null;
        }

        foreach (var declaration in reference.Local.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree == model.SyntaxTree && model.GetOperation(declaration.GetSyntax()) is IVariableDeclaratorOperation declarator)
            {
                return declarator;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="local"/> is declared inside <paramref name="scope"/>'s syntax.</summary>
    public static bool IsDeclaredWithin(ILocalSymbol local, IOperation scope)
    {
        foreach (var declaration in local.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree == scope.Syntax.SyntaxTree && scope.Syntax.Span.Contains(declaration.Span))
            {
                return true;
            }
        }

        return false;
    }
}
