using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// The calls written in a type's declarations in one file (not in its nested types), for lookups made on demand: the
/// invoked name is tested on the syntax first, and only the calls it lets through are bound.
/// </summary>
internal static class TypeInvocations
{
    public static IEnumerable<IInvocationOperation> InFile(
        INamedTypeSymbol type, SemanticModel model, Func<string, bool> isName, CancellationToken cancellation)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declaration = reference.GetSyntax(cancellation);
            foreach (var node in declaration.DescendantNodes(child => child == declaration || child is not BaseTypeDeclarationSyntax))
            {
                if (node is InvocationExpressionSyntax invocation && SyntaxNames.Invoked(invocation.Expression) is { } name && isName(name) &&
                    model.GetOperation(invocation, cancellation) is IInvocationOperation operation)
                {
                    yield return operation;
                }
            }
        }
    }
}
