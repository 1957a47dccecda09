using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>
/// A <c>ConcurrentBag&lt;T&gt;</c> cannot give up one given connection, so the WS2001 fix turns it into a
/// <c>ConcurrentDictionary&lt;T, byte&gt;</c> used as a concurrent set: <c>Add(s)</c> becomes <c>TryAdd(s, 0)</c>, and
/// what enumerates the bag (foreach, LINQ, an <c>IEnumerable&lt;T&gt;</c> argument) enumerates <c>Keys</c>. Offered only
/// when every use of the field is in the document and is one of those (or <c>Count</c> / <c>IsEmpty</c>).
/// </summary>
internal static class BagToDictionary
{
    /// <summary>True when <paramref name="field"/> is a ConcurrentBag every use of which the change can rewrite.</summary>
    public static async Task<bool> CanChangeAsync(Document document, IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (!IsBag(field.Type) || field.DeclaringSyntaxReferences.Length != 1 ||
            field.DeclaringSyntaxReferences[0].SyntaxTree != await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(field, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(reference => reference.Locations))
        {
            if (location.Document.Id != document.Id ||
                (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true)
                    is not ExpressionSyntax reference ||
                Rewrite(model, Outermost(reference), cancellationToken) is null)
            {
                return false;
            }
        }

        return field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax
        {
            Parent: VariableDeclarationSyntax { Type: var type, Variables.Count: 1 },
        } && BagName(type) is not null;
    }

    /// <summary>Changes the field's declaration and every use in <paramref name="document"/>.</summary>
    public static async Task<Document> ChangeAsync(Document document, IFieldSymbol field, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>>();
        foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == field.Name &&
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, field.OriginalDefinition))
            {
                var reference = Outermost(identifier);
                if (Rewrite(model, reference, cancellationToken) is { Target: { } target, Replacement: { } replacement })
                {
                    replacements[target] = replacement;
                }
            }
        }

        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator)
        {
            if (BagName(declaration.Type) is { } typeName)
            {
                replacements[typeName] = rewritten => ToDictionary((GenericNameSyntax)rewritten);
            }

            if (declarator.Initializer?.Value is ObjectCreationExpressionSyntax { Type: var created } && BagName(created) is { } createdName)
            {
                replacements[createdName] = rewritten => ToDictionary((GenericNameSyntax)rewritten);
            }
        }

        // Annotations stay on what is rewritten: the fix finds the adds by theirs afterwards.
        return document.WithSyntaxRoot(root.ReplaceNodes(
            replacements.Keys, (original, rewritten) => replacements[original](rewritten).WithAdditionalAnnotations(original.GetAnnotations(AddAnnotationKind))));
    }

    /// <summary>The kind of the annotations the WS2001 fix puts on the adds it plans for.</summary>
    public const string AddAnnotationKind = "WS2001.Add";

    public static bool IsBag(ITypeSymbol type) =>
        type.OriginalDefinition is INamedTypeSymbol { MetadataName: "ConcurrentBag`1" } bag &&
        bag.ContainingNamespace?.ToDisplayString() == "System.Collections.Concurrent";

    /// <summary><c>X</c> or <c>this.X</c>: the expression that names the field.</summary>
    private static ExpressionSyntax Outermost(ExpressionSyntax reference) =>
        reference.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == reference ? access : reference;

    /// <summary>What a use of the bag becomes (Target null: it stays as it is), or null when the change cannot rewrite it.</summary>
    private static (SyntaxNode? Target, System.Func<SyntaxNode, SyntaxNode>? Replacement)? Rewrite(
        SemanticModel model, ExpressionSyntax reference, CancellationToken cancellationToken)
    {
        switch (reference.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == reference:
                var member = model.GetSymbolInfo(access, cancellationToken).Symbol;
                if (access.Name.Identifier.ValueText is "Count" or "IsEmpty" && member is IPropertySymbol)
                {
                    return (null, null);
                }

                if (access.Name.Identifier.ValueText == "Add" && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } add)
                {
                    return (add, rewritten => rewritten is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax name } invocation
                        ? invocation.WithExpression(name.WithName(SyntaxFactory.IdentifierName("TryAdd")))
                            .WithArgumentList(invocation.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(
                                SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)))))
                        : rewritten);
                }

                if (access.Name.Identifier.ValueText == "TryRemove")
                {
                    return (null, null); // the removal the fix adds
                }

                return member is IMethodSymbol { ReducedFrom: not null } extension && TakesEnumerable(extension.ReducedFrom.Parameters[0].Type)
                    ? (reference, Keys)
                    : null;
            case ForEachStatementSyntax loop when loop.Expression == reference:
                return (reference, Keys);
            case ArgumentSyntax argument when model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter.Type: var type } &&
                                              TakesEnumerable(type):
                return (reference, Keys);
            default:
                return null;
        }
    }

    private static bool TakesEnumerable(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_IEnumerable;

    private static SyntaxNode Keys(SyntaxNode reference) =>
        SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, ((ExpressionSyntax)reference).WithoutTrivia(), SyntaxFactory.IdentifierName("Keys"))
            .WithTriviaFrom(reference);

    /// <summary>The <c>ConcurrentBag&lt;T&gt;</c> part of a type name (qualified or not).</summary>
    private static GenericNameSyntax? BagName(TypeSyntax type) => type switch
    {
        GenericNameSyntax { Identifier.ValueText: "ConcurrentBag", TypeArgumentList.Arguments.Count: 1 } generic => generic,
        QualifiedNameSyntax { Right: GenericNameSyntax right } => BagName(right),
        AliasQualifiedNameSyntax { Name: GenericNameSyntax name } => BagName(name),
        _ => null,
    };

    private static GenericNameSyntax ToDictionary(GenericNameSyntax bag) =>
        bag.WithIdentifier(SyntaxFactory.Identifier("ConcurrentDictionary").WithTriviaFrom(bag.Identifier))
            .WithTypeArgumentList(bag.TypeArgumentList.AddArguments(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ByteKeyword))));
}
