using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>
/// WS1004: disposes the used ClientWebSocket and stores a new one right before ConnectAsync, set up as the old one was:
/// the statements that configure its <c>Options</c> (in the constructors, or earlier in the same function) are repeated
/// on the new instance, and an initializer with <c>Options = { ... }</c> is reused. A readonly field loses its
/// <c>readonly</c>, a get-only auto-property gets a private setter. No fix when the socket cannot be assigned (a parameter,
/// a <c>using</c> local) or its options are set where the fix cannot repeat them (from a constructor parameter, in another
/// method): a new instance without them would connect differently.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientWebSocketReusedCodeFixProvider)), Shared]
public sealed class ClientWebSocketReusedCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS1004.CreateNewClientWebSocket";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ClientWebSocketReused);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } tree &&
        Plan.Find(tree.Root, tree.Model, diagnostic, cancellationToken) is not null
            ? "Create a new ClientWebSocket before connecting"
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var plans = diagnostics.Select(d => Plan.Find(root, model, d, cancellationToken)).OfType<Plan>()
            .GroupBy(p => p.InsertBefore).Select(g => g.First()).ToList();
        if (plans.Count == 0)
        {
            return document;
        }

        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.ElasticCarriageReturnLineFeed;
        var declarations = plans.Select(p => p.Declaration).OfType<SyntaxNode>().Distinct().ToList();
        var newRoot = root.TrackNodes(plans.Select(p => (SyntaxNode)p.InsertBefore).Concat(declarations));
        foreach (var plan in plans)
        {
            if (newRoot.GetCurrentNode(plan.InsertBefore) is not { Parent: BlockSyntax block } statement)
            {
                continue;
            }

            var inserted = new List<StatementSyntax>
            {
                SyntaxFactory.ParseStatement($"{plan.Socket}?.Dispose();").WithLeadingTrivia(statement.GetLeadingTrivia()),
                SyntaxFactory.ParseStatement($"{plan.Socket} = {plan.Creation};").WithLeadingTrivia(SyntaxFactory.ElasticMarker),
            };
            inserted.AddRange(plan.Copies.Select(c => c.WithoutTrivia().WithLeadingTrivia(SyntaxFactory.ElasticMarker)));
            var index = block.Statements.IndexOf(statement);
            var statements = block.Statements
                .Replace(statement, statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithAdditionalAnnotations(Formatter.Annotation))
                .InsertRange(index, inserted.Select(s => s.WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation)));
            newRoot = newRoot.ReplaceNode(block, block.WithStatements(statements));
        }

        foreach (var declaration in declarations)
        {
            switch (newRoot.GetCurrentNode(declaration))
            {
                case FieldDeclarationSyntax field:
                    var readOnly = field.Modifiers.First(m => m.IsKind(SyntaxKind.ReadOnlyKeyword));
                    var withoutReadOnly = field.WithModifiers(field.Modifiers.Remove(readOnly));
                    if (field.Modifiers.IndexOf(readOnly) == 0)
                    {
                        withoutReadOnly = withoutReadOnly.WithLeadingTrivia(readOnly.LeadingTrivia);
                    }

                    newRoot = newRoot.ReplaceNode(field, withoutReadOnly);
                    break;
                case PropertyDeclarationSyntax { AccessorList: { } accessors } property:
                    var setter = SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                        .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
                    if (!property.Modifiers.Any(SyntaxKind.PrivateKeyword))
                    {
                        setter = setter.WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
                    }

                    var getter = accessors.Accessors.Last();
                    setter = setter.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(getter.GetTrailingTrivia());
                    newRoot = newRoot.ReplaceNode(property, property.WithAccessorList(
                        accessors.WithAccessors(accessors.Accessors.Replace(getter, getter.WithoutTrailingTrivia()).Add(setter))));
                    break;
            }
        }

        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>What the fix of one diagnostic inserts, where, and which declaration it makes assignable.</summary>
    private sealed class Plan
    {
        private Plan(StatementSyntax insertBefore, string socket, string creation, ImmutableArray<StatementSyntax> copies, SyntaxNode? declaration)
        {
            InsertBefore = insertBefore;
            Socket = socket;
            Creation = creation;
            Copies = copies;
            Declaration = declaration;
        }

        /// <summary>The connect statement, or the first of the Options statements right before it in its block.</summary>
        public StatementSyntax InsertBefore { get; }

        public string Socket { get; }

        /// <summary>The expression that creates the new instance.</summary>
        public string Creation { get; }

        /// <summary>Options statements to repeat on the new instance.</summary>
        public ImmutableArray<StatementSyntax> Copies { get; }

        /// <summary>A field declaration to remove <c>readonly</c> from, or a property declaration to give a setter.</summary>
        public SyntaxNode? Declaration { get; }

        public static Plan? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(ClientWebSocketReusedRule.AssignableProperty, out var assignable) || assignable != "true" ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation ||
                invocation.Expression is not MemberAccessExpressionSyntax { Expression: var socket } ||
                socket is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }) ||
                ConnectingStatement(invocation) is not { } statement ||
                model.GetSymbolInfo(socket, cancellationToken).Symbol is not { } symbol)
            {
                return null;
            }

            SyntaxNode? declaration = null;
            diagnostic.Properties.TryGetValue(ClientWebSocketReusedRule.MakeAssignableProperty, out var makeAssignable);
            if (makeAssignable is not null)
            {
                declaration = symbol.DeclaringSyntaxReferences.Length == 1 ? symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) : null;
                declaration = declaration is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } ? field : declaration as PropertyDeclarationSyntax;
                if (declaration is null || declaration.SyntaxTree != root.SyntaxTree ||
                    (makeAssignable == ClientWebSocketReusedRule.RemoveReadOnly) != declaration is FieldDeclarationSyntax ||
                    (declaration is PropertyDeclarationSyntax { AccessorList: null }))
                {
                    return null;
                }
            }

            var typeName = TypeName(model, statement.SpanStart);
            var creation = ReusableCreation(model, symbol, statement.SpanStart, cancellationToken) ?? $"new {typeName}()";
            if (OptionsSetup(model, symbol, statement, cancellationToken) is not { } setup)
            {
                return null;
            }

            return new Plan(setup.InsertBefore, socket.WithoutTrivia().ToString(), creation, setup.Copies, declaration);
        }

        /// <summary>The statement that consists of the connect: <c>await ws.ConnectAsync(...);</c>, optionally with ConfigureAwait.</summary>
        private static StatementSyntax? ConnectingStatement(InvocationExpressionSyntax invocation)
        {
            SyntaxNode node = invocation;
            while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax ||
                   (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" or "Wait" or "GetAwaiter" or "GetResult" } &&
                    node.Parent.Parent is InvocationExpressionSyntax))
            {
                node = node.Parent is MemberAccessExpressionSyntax ? node.Parent.Parent! : node.Parent;
            }

            return node.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement ? statement : null;
        }

        private static string TypeName(SemanticModel model, int position)
        {
            var found = model.LookupNamespacesAndTypes(position, name: "ClientWebSocket");
            return found.Length == 1 && found[0].ToDisplayString() == "System.Net.WebSockets.ClientWebSocket"
                ? "ClientWebSocket"
                : "global::System.Net.WebSockets.ClientWebSocket";
        }

        /// <summary>The socket's own initializer when it sets up Options in an object initializer
        /// (<c>new ClientWebSocket { Options = { KeepAliveInterval = ... } }</c>) and can be written at <paramref name="position"/>.</summary>
        private static string? ReusableCreation(SemanticModel model, ISymbol symbol, int position, CancellationToken cancellationToken)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var initializer = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            return initializer is BaseObjectCreationExpressionSyntax { Initializer: not null } creation && initializer.SyntaxTree == model.SyntaxTree &&
                   AllInScope(model, creation, position, cancellationToken)
                ? creation.WithoutTrivia().ToString()
                : null;
        }

        /// <summary>Where to insert and which statements to repeat: every statement that uses the socket's Options must be an
        /// expression statement in a constructor of its type or earlier in the same function, and be writable at the
        /// connect; those right before the connect in its block are kept and the new instance is created before them.</summary>
        private static (StatementSyntax InsertBefore, ImmutableArray<StatementSyntax> Copies)? OptionsSetup(
            SemanticModel model, ISymbol socket, StatementSyntax connect, CancellationToken cancellationToken)
        {
            var function = connect.Ancestors().First(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
            var scope = socket is ILocalSymbol ? function : connect.FirstAncestorOrSelf<TypeDeclarationSyntax>()!;
            var block = (BlockSyntax)connect.Parent!;
            var insertBefore = connect;
            for (var index = block.Statements.IndexOf(connect) - 1; index >= 0 && UsesOptions(model, block.Statements[index], socket, cancellationToken); index--)
            {
                insertBefore = block.Statements[index];
            }

            var copies = ImmutableArray.CreateBuilder<StatementSyntax>();
            foreach (var access in scope.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                if (access.Name.Identifier.ValueText != "Options" ||
                    !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, cancellationToken).Symbol, socket))
                {
                    continue;
                }

                if (access.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement)
                {
                    return null;
                }

                var owner = statement.Ancestors().First(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
                if (owner == function && statement.SpanStart >= insertBefore.SpanStart)
                {
                    // Kept in place (right before the connect) or after it, where it configures nothing new.
                    continue;
                }

                if ((owner == function || owner is ConstructorDeclarationSyntax) && AllInScope(model, statement, connect.SpanStart, cancellationToken))
                {
                    if (!copies.Contains(statement))
                    {
                        copies.Add(statement);
                    }

                    continue;
                }

                return null;
            }

            return (insertBefore, copies.ToImmutable());
        }

        private static bool UsesOptions(SemanticModel model, StatementSyntax statement, ISymbol socket, CancellationToken cancellationToken) =>
            statement is ExpressionStatementSyntax &&
            statement.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(a =>
                a.Name.Identifier.ValueText == "Options" &&
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Expression, cancellationToken).Symbol, socket));

        /// <summary>Every local and parameter the node uses is visible at <paramref name="position"/> (a constructor's
        /// parameters are not).</summary>
        private static bool AllInScope(SemanticModel model, SyntaxNode node, int position, CancellationToken cancellationToken)
        {
            foreach (var name in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is { Kind: SymbolKind.Local or SymbolKind.Parameter } symbol &&
                    !model.LookupSymbols(position, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
