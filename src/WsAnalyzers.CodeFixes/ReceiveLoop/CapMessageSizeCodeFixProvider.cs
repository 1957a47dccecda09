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
using WsAnalyzers.ReceiveLoop;

namespace WsAnalyzers.CodeFixes.ReceiveLoop;

/// <summary>
/// WS5002: right after the append, compares the assembled size with a named limit (a <c>MaxMessageSize</c> constant of the
/// type, added when there is none) and, past it, closes the socket the fragments come from with 1009 (MessageTooBig) and
/// returns. Offered where returning ends the receive: in an async method, local function or lambda that returns no value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CapMessageSizeCodeFixProvider)), Shared]
public sealed class CapMessageSizeCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS5002.CapMessageSize";

    /// <summary>The limit's name and value when the fix adds it: the largest message the reference runtime accepts by default.</summary>
    public const string LimitName = "MaxMessageSize";
    private const string LimitValue = "1024 * 1024";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MessageAssembledWithoutLimit);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } context &&
        Plan.Find(context.Root, context.Model, diagnostic, cancellationToken) is not null
            ? "Close with 1009 when the message passes a size limit"
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not { } context)
        {
            return document;
        }

        var plans = new List<Plan>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan.Find(context.Root, context.Model, diagnostic, cancellationToken) is { } plan && plans.All(p => p.Statement != plan.Statement))
            {
                plans.Add(plan);
            }
        }

        // Where a limit must be added: once per type (or per file of top-level statements).
        var containers = plans.Where(p => p.AddLimit).Select(p => p.Container).Distinct().ToList();
        var containerMarkers = containers.ToDictionary(c => c, _ => new SyntaxAnnotation());
        var root = context.Root.ReplaceNodes(
            plans.Select(p => (SyntaxNode)p.Statement).Concat(containers).Distinct(),
            (original, rewritten) =>
            {
                var annotated = rewritten;
                foreach (var plan in plans.Where(p => p.Statement == original))
                {
                    annotated = annotated.WithAdditionalAnnotations(plan.Marker);
                }

                return containerMarkers.TryGetValue(original, out var marker) ? annotated.WithAdditionalAnnotations(marker) : annotated;
            });

        foreach (var plan in plans)
        {
            if (root.GetAnnotatedNodes(plan.Marker).OfType<StatementSyntax>().FirstOrDefault() is not { Parent: BlockSyntax block } statement)
            {
                continue;
            }

            var check = ReceiveLoopSyntax.Simplified(SyntaxFactory.ParseStatement(plan.CheckText()));
            var index = block.Statements.IndexOf(statement);
            if (index < block.Statements.Count - 1)
            {
                check = ReceiveLoopSyntax.WithBlankLineAfter(check, statement);
            }

            root = root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(index + 1, check)));
        }

        foreach (var marker in containerMarkers.Values)
        {
            switch (root.GetAnnotatedNodes(marker).FirstOrDefault())
            {
                case TypeDeclarationSyntax type:
                    var constant = SyntaxFactory.ParseMemberDeclaration($"private const int {LimitName} = {LimitValue};\n")!
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    var fields = type.Members.TakeWhile(m => m is BaseFieldDeclarationSyntax).Count();
                    root = root.ReplaceNode(type, type.WithMembers(type.Members.Insert(fields, constant)));
                    break;
                case CompilationUnitSyntax unit when unit.Members.OfType<GlobalStatementSyntax>().FirstOrDefault() is { } first:
                    var local = SyntaxFactory.GlobalStatement(SyntaxFactory.ParseStatement($"const int {LimitName} = {LimitValue};\n"))
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    root = root.ReplaceNode(unit, unit.WithMembers(unit.Members.Insert(unit.Members.IndexOf(first), local)));
                    break;
            }
        }

        return document.WithSyntaxRoot(root);
    }

    private sealed class Plan
    {
        private readonly ExpressionSyntax _accumulator;
        private readonly string _size;
        private readonly ExpressionSyntax _socket;
        private readonly ExpressionSyntax _token;
        private readonly bool _configureAwait;

        private Plan(StatementSyntax statement, SyntaxNode container, bool addLimit, ExpressionSyntax accumulator, string size,
            ExpressionSyntax socket, ExpressionSyntax token, bool configureAwait)
        {
            Statement = statement;
            Container = container;
            AddLimit = addLimit;
            _accumulator = accumulator;
            _size = size;
            _socket = socket;
            _token = token;
            _configureAwait = configureAwait;
        }

        public StatementSyntax Statement { get; }

        /// <summary>The type (or the file of top-level statements) the limit belongs to.</summary>
        public SyntaxNode Container { get; }

        public bool AddLimit { get; }

        public SyntaxAnnotation Marker { get; } = new();

        public string CheckText()
        {
            var configure = _configureAwait ? ".ConfigureAwait(false)" : "";
            return $$"""
                if ({{_accumulator}}.{{_size}} > {{LimitName}})
                {
                    await {{_socket}}.CloseOutputAsync(global::System.Net.WebSockets.WebSocketCloseStatus.MessageTooBig, "Message too big", {{_token}}){{configure}};
                    return;
                }

                """;
        }

        public static Plan? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(MessageAssembledWithoutLimitRule.SizeProperty, out var size) || size is null ||
                diagnostic.AdditionalLocations.Count == 0 ||
                root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not
                    { Expression: MemberAccessExpressionSyntax { Expression: var socket } } receive ||
                !ReceiveLoopSyntax.IsStable(socket) ||
                model.GetSymbolInfo(receive, cancellationToken).Symbol is not IMethodSymbol receiveMethod)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            ExpressionSyntax? accumulator;
            ExpressionSyntax appended;
            switch (node.FirstAncestorOrSelf<ExpressionSyntax>(e => e is InvocationExpressionSyntax or AssignmentExpressionSyntax))
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                    accumulator = access.Expression;
                    appended = invocation;
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression } assignment:
                    accumulator = assignment.Left;
                    appended = assignment;
                    break;
                default:
                    return null;
            }

            var outermost = appended is InvocationExpressionSyntax call ? ReceiveLoopSyntax.Outermost(call, out _, out _) : appended;
            ReceiveLoopSyntax.Outermost(receive, out _, out var configureAwait);
            if (!ReceiveLoopSyntax.IsStable(accumulator) || outermost.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax } statement ||
                ReceiveLoopSyntax.Function(statement) is not { } function || !EndsReceiveByReturning(model, function, cancellationToken) ||
                ReceiveLoopSyntax.IsRestricted(statement, function) || !receive.Ancestors().Contains(function))
            {
                return null;
            }

            var container = function is CompilationUnitSyntax ? function : statement.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (container is null or InterfaceDeclarationSyntax || !LimitIsUsable(model, statement, out var addLimit))
            {
                return null;
            }

            return new Plan(statement, container, addLimit, accumulator.WithoutTrivia(), size, socket.WithoutTrivia(),
                ReceiveLoopSyntax.Token(receive, receiveMethod), configureAwait);
        }

        /// <summary>The function is async and returns nothing (void, Task, ValueTask), so <c>return;</c> ends the receive.</summary>
        private static bool EndsReceiveByReturning(SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
        {
            if (function is CompilationUnitSyntax unit)
            {
                // Top-level statements: `return;` ends the program unless it returns an exit code.
                return !unit.Members.OfType<GlobalStatementSyntax>().SelectMany(g => g.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                    .OfType<ReturnStatementSyntax>().Any(r => r.Expression is not null);
            }

            var symbol = function switch
            {
                AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol,
                _ => model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol,
            };
            return symbol is { IsAsync: true } &&
                   (symbol.ReturnsVoid || symbol.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false });
        }

        /// <summary>A <c>MaxMessageSize</c> that code at <paramref name="statement"/> can read, or none yet (then it is added).</summary>
        private static bool LimitIsUsable(SemanticModel model, StatementSyntax statement, out bool addLimit)
        {
            addLimit = false;
            var existing = model.LookupSymbols(statement.SpanStart, name: LimitName);
            if (existing.IsEmpty)
            {
                addLimit = true;
                return true;
            }

            var symbol = existing[0];
            var type = symbol switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                ILocalSymbol local => local.Type,
                _ => null,
            };
            var readable = symbol is ILocalSymbol || symbol.IsStatic || symbol is IFieldSymbol { IsConst: true } || !InStaticMember(model, statement.SpanStart);
            return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 && readable;
        }

        private static bool InStaticMember(SemanticModel model, int position)
        {
            var symbol = model.GetEnclosingSymbol(position);
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol?.IsStatic ?? true;
        }
    }
}
