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
using WsAnalyzers.Apis;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>
/// WS1003: returns early from the close handler on a normal closure, in the form the library reports it:
/// websocket-sharp <c>e.Code == (ushort)CloseStatusCode.Normal</c>, SignalR <c>error == null</c> (StopAsync was
/// called), Websocket.Client <c>info.Type == DisconnectionType.ByUser || info.Type == DisconnectionType.Exit</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReconnectAfterNormalClosureCodeFixProvider)), Shared]
public sealed class ReconnectAfterNormalClosureCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS1003.ReturnOnNormalClosure";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ReconnectAfterNormalClosure);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } tree &&
        Target.Find(tree.Root, tree.Model, diagnostic, cancellationToken) is not null
            ? "Do not reconnect after a normal closure"
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var targets = diagnostics.Select(d => Target.Find(root, model, d, cancellationToken)).Where(t => t is not null)
            .GroupBy(t => t!.Function).Select(g => g.First()!).ToList();
        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.ElasticCarriageReturnLineFeed;
        var flagged = targets.Where(t => t.StopFlag is not null).GroupBy(t => t.StopFlag!.Value.Type).Select(g => g.First().StopFlag!.Value).ToList();
        var newRoot = root.TrackNodes(targets.Select(t => t.Function)
            .Concat(flagged.SelectMany(f => f.Stops.Concat(f.Starts).Append(f.Type))));
        foreach (var target in targets)
        {
            if (newRoot.GetCurrentNode(target.Function) is { } function)
            {
                newRoot = newRoot.ReplaceNode(function, target.Rewrite(function, endOfLine).WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        foreach (var flag in flagged)
        {
            newRoot = StopFlagEdits.Apply(newRoot, flag.Type, flag.Stops, flag.Starts, endOfLine);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private sealed class Target
    {
        private Target(SyntaxNode function, string guard, bool returnExpressionBody, ParameterSyntax? discard, string parameter,
            (TypeDeclarationSyntax Type, List<SyntaxNode> Stops, List<SyntaxNode> Starts)? stopFlag = null)
        {
            StopFlag = stopFlag;
            Function = function;
            Guard = guard;
            ReturnExpressionBody = returnExpressionBody;
            Discard = discard;
            Parameter = parameter;
        }

        /// <summary>The handler: a lambda, anonymous method, method or local function.</summary>
        public SyntaxNode Function { get; }

        public string Guard { get; }

        public bool ReturnExpressionBody { get; }

        /// <summary>A discarded close-information parameter (<c>(_, _) =&gt;</c>) the fix names <see cref="Parameter"/>.</summary>
        public ParameterSyntax? Discard { get; }

        public string Parameter { get; }

        /// <summary>ASP.NET SignalR 2: the type whose Stop() and Start() calls set and clear the flag the guard reads.</summary>
        public (TypeDeclarationSyntax Type, List<SyntaxNode> Stops, List<SyntaxNode> Starts)? StopFlag { get; }

        public static Target? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(ReconnectAfterNormalClosureRule.LibraryProperty, out var library))
            {
                return null;
            }

            if (library == nameof(SocketLibrary.AspNetSignalRClient))
            {
                return FindForStopFlag(root, model, diagnostic, cancellationToken);
            }

            if (!diagnostic.Properties.TryGetValue(ReconnectAfterNormalClosureRule.ParameterOrdinalProperty, out var ordinalText) ||
                !int.TryParse(ordinalText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal) ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(ReconnectAfterNormalClosureRule.ParameterProperty, out var parameter);

            // The handler is the innermost function with the close-information parameter (the reconnect may be in a
            // closure the handler queues or starts with Task.Run).
            SyntaxNode? function = null;
            IMethodSymbol? symbol = null;
            foreach (var candidate in node.AncestorsAndSelf().Where(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax))
            {
                var candidateSymbol = candidate is AnonymousFunctionExpressionSyntax
                    ? model.GetSymbolInfo(candidate, cancellationToken).Symbol as IMethodSymbol
                    : model.GetDeclaredSymbol(candidate, cancellationToken) as IMethodSymbol;
                if (candidateSymbol is not null && candidateSymbol.Parameters.Length > ordinal &&
                    (parameter is null ? candidateSymbol.Parameters[ordinal].IsDiscard : candidateSymbol.Parameters[ordinal].Name == parameter))
                {
                    (function, symbol) = (candidate, candidateSymbol);
                    break;
                }
            }

            if (function is null || symbol is null)
            {
                return null;
            }

            ParameterSyntax? discard = null;
            if (parameter is null)
            {
                var parameters = function switch
                {
                    ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
                    _ => default,
                };
                if (parameters.Count <= ordinal)
                {
                    return null;
                }

                discard = parameters[ordinal];
                parameter = FreeName(model, function, library);
            }

            var position = function.SpanStart;
            var condition = library switch
            {
                "WebSocketSharp" => $"{parameter}.Code == (ushort){TypeName(model, position, "WebSocketSharp", "CloseStatusCode")}.Normal",
                "SignalRClient" => $"{parameter} == null",
                "WebsocketClient" => $"{parameter}.Type == {TypeName(model, position, "Websocket.Client", "DisconnectionType")}.ByUser || " +
                                     $"{parameter}.Type == {TypeName(model, position, "Websocket.Client", "DisconnectionType")}.Exit",
                _ => null,
            };
            var isAsync = symbol.IsAsync;
            var returnStatement = isAsync || symbol.ReturnsVoid
                ? "return;"
                : symbol.ReturnType.ToDisplayString() == "System.Threading.Tasks.Task"
                    ? $"return {TypeName(model, position, "System.Threading.Tasks", "Task")}.CompletedTask;"
                    : null;
            if (condition is null || returnStatement is null)
            {
                return null;
            }

            return new Target(function, $"if ({condition})\n{{\n    {returnStatement}\n}}", !isAsync && !symbol.ReturnsVoid, discard, parameter);
        }

        /// <summary>The handler of an ASP.NET SignalR 2 reconnect (the innermost function around it) and its type's Stop() and
        /// Start() calls; null when the type never stops the connection or stops it in a shape the fix cannot edit.</summary>
        private static Target? FindForStopFlag(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node ||
                node.AncestorsAndSelf().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax) is not { } function ||
                function.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type ||
                StopFlagEdits.Find(type, model, cancellationToken) is not { } calls)
            {
                return null;
            }

            var symbol = function is AnonymousFunctionExpressionSyntax
                ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
                : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
            if (symbol is null || !(symbol.IsAsync || symbol.ReturnsVoid))
            {
                return null;
            }

            var guard = $"if ({StopFlagEdits.FlagName})\n{{\n    return;\n}}";
            return new Target(function, guard, false, null, StopFlagEdits.FlagName, (type, calls.Stops, calls.Starts));
        }

        /// <summary>A name for a discarded parameter that nothing in the handler's scope uses.</summary>
        private static string FreeName(SemanticModel model, SyntaxNode function, string? library)
        {
            var preferred = library switch
            {
                "SignalRClient" => "error",
                "WebsocketClient" => "info",
                _ => "e",
            };
            var name = preferred;
            for (var suffix = 1; model.LookupSymbols(function.SpanStart, name: name).Length > 0 ||
                                 function.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name); suffix++)
            {
                name = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        public SyntaxNode Rewrite(SyntaxNode function, SyntaxTrivia endOfLine)
        {
            if (Discard is { Parent: ParameterListSyntax original } && function is ParenthesizedLambdaExpressionSyntax lambda)
            {
                // function is the current version of the handler: the discard is found again by its position.
                var discard = lambda.ParameterList.Parameters[original.Parameters.IndexOf(Discard)];
                function = lambda.ReplaceNode(discard, discard.WithIdentifier(SyntaxFactory.Identifier(Parameter).WithTriviaFrom(discard.Identifier)));
            }

            var guard = SyntaxFactory.ParseStatement(Guard).WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(endOfLine, endOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var (block, expression) = function switch
            {
                AnonymousFunctionExpressionSyntax anonymous => (anonymous.Block, anonymous.ExpressionBody),
                LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody?.Expression),
                MethodDeclarationSyntax method => (method.Body, method.ExpressionBody?.Expression),
                _ => (null, null),
            };
            if (block is not null)
            {
                return function.ReplaceNode(block, block.WithStatements(block.Statements.Insert(0, guard)));
            }

            if (expression is null)
            {
                return function;
            }

            StatementSyntax body = ReturnExpressionBody
                ? SyntaxFactory.ReturnStatement(expression.WithoutTrivia())
                : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
            var newBlock = SyntaxFactory.Block(guard, body.WithTrailingTrivia(endOfLine))
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine));
            return function switch
            {
                AnonymousFunctionExpressionSyntax anonymous => anonymous.WithBody(newBlock),
                LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(newBlock),
                MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(newBlock),
                _ => function,
            };
        }

        private static string TypeName(SemanticModel model, int position, string ns, string name)
        {
            var found = model.LookupNamespacesAndTypes(position, name: name).Where(s => s is not INamedTypeSymbol { Arity: > 0 }).ToList();
            return found.Count == 1 && found[0].ToDisplayString() == ns + "." + name ? name : "global::" + ns + "." + name;
        }
    }
}
