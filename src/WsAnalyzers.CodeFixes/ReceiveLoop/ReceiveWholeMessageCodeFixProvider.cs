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
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;

namespace WsAnalyzers.CodeFixes.ReceiveLoop;

/// <summary>
/// WS5003: replaces <c>socket.ReceiveAsync(buffer, token)</c> with <c>ReceiveWholeMessageAsync(socket, buffer, token)</c>, a
/// helper added to the type (a local function in top-level statements) that receives until EndOfMessage into the same
/// buffer and returns a result of the same type whose Count is the whole message. The buffer's size becomes the largest
/// message accepted: a longer one is refused with 1009 (MessageTooBig) and returned as a Close.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReceiveWholeMessageCodeFixProvider)), Shared]
public sealed class ReceiveWholeMessageCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS5003.ReceiveWholeMessage";

    public const string HelperName = "ReceiveWholeMessageAsync";

    private const string Sockets = "global::System.Net.WebSockets.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.EndOfMessageNotChecked);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } context &&
        Plan.Find(context.Root, context.Model, diagnostic, cancellationToken) is not null
            ? "Receive the whole message before using it"
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
            if (Plan.Find(context.Root, context.Model, diagnostic, cancellationToken) is { } plan && plans.All(p => p.Invocation != plan.Invocation))
            {
                plans.Add(plan);
            }
        }

        // One helper per container and overload, whatever the number of receives.
        var helpers = plans.Where(p => !p.HasHelper).GroupBy(p => (p.Container, p.Variant)).Select(g => g.First()).ToList();
        var markers = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var node in plans.Select(p => (SyntaxNode)p.Invocation).Concat(helpers.Select(h => h.Container)))
        {
            if (!markers.ContainsKey(node))
            {
                markers[node] = new SyntaxAnnotation();
            }
        }

        var root = context.Root.ReplaceNodes(markers.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(markers[original]));
        foreach (var plan in plans)
        {
            if (root.GetAnnotatedNodes(markers[plan.Invocation]).FirstOrDefault() is InvocationExpressionSyntax invocation)
            {
                root = root.ReplaceNode(invocation, plan.Replacement().WithTriviaFrom(invocation));
            }
        }

        foreach (var helper in helpers.GroupBy(h => h.Container))
        {
            switch (root.GetAnnotatedNodes(markers[helper.Key]).FirstOrDefault())
            {
                case TypeDeclarationSyntax type:
                    var methods = helper.Select(h => (MemberDeclarationSyntax)ReceiveLoopSyntax.Simplified(
                        SyntaxFactory.ParseMemberDeclaration(h.HelperText(isLocalFunction: false))!));
                    root = root.ReplaceNode(type, type.WithMembers(type.Members.AddRange(methods)));
                    break;
                case CompilationUnitSyntax unit when unit.Members.OfType<GlobalStatementSyntax>().LastOrDefault() is { } last:
                    // After the last statement, one empty line apart; the file keeps the ending it had.
                    var endOfLine = SyntaxFactory.EndOfLine("\n");
                    var ending = last.GetTrailingTrivia();
                    var functions = helper.Select(h =>
                    {
                        var function = ReceiveLoopSyntax.Simplified(SyntaxFactory.ParseStatement(h.HelperText(isLocalFunction: true).TrimStart('\n')));
                        return (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(function)
                            .WithLeadingTrivia(function.GetLeadingTrivia().Insert(0, endOfLine))
                            .WithTrailingTrivia(endOfLine);
                    }).ToList();
                    functions[functions.Count - 1] = functions[functions.Count - 1].WithTrailingTrivia(ending);
                    var separated = ending.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? last : last.WithTrailingTrivia(ending.Add(endOfLine));
                    var index = unit.Members.IndexOf(last);
                    root = root.ReplaceNode(unit, unit.WithMembers(unit.Members.Replace(last, separated).InsertRange(index + 1, functions)));
                    break;
            }
        }

        return document.WithSyntaxRoot(root);
    }

    /// <summary>Which ReceiveAsync overload the receive calls, and so which helper it needs.</summary>
    private enum Variant
    {
        Segment,
        Memory,
    }

    private sealed class Plan
    {
        private readonly ExpressionSyntax _socket;
        private readonly ExpressionSyntax _buffer;
        private readonly ExpressionSyntax _token;
        private readonly bool _segmentHasSlice;

        private Plan(InvocationExpressionSyntax invocation, SyntaxNode container, Variant variant, bool hasHelper, ExpressionSyntax socket,
            ExpressionSyntax buffer, ExpressionSyntax token, bool segmentHasSlice)
        {
            Invocation = invocation;
            Container = container;
            Variant = variant;
            HasHelper = hasHelper;
            _socket = socket;
            _buffer = buffer;
            _token = token;
            _segmentHasSlice = segmentHasSlice;
        }

        public InvocationExpressionSyntax Invocation { get; }

        /// <summary>The type the helper is added to, or the file of top-level statements.</summary>
        public SyntaxNode Container { get; }

        public Variant Variant { get; }

        /// <summary>The container already has the helper (an earlier fix added it).</summary>
        public bool HasHelper { get; }

        public static Plan? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not
                    { Expression: MemberAccessExpressionSyntax { Expression: var socket } } invocation ||
                socket is BaseExpressionSyntax ||
                model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Parameters.Length: 2 } method ||
                method.Parameters[0].Type is not INamedTypeSymbol { Name: "ArraySegment" or "Memory", TypeArguments.Length: 1 } bufferType ||
                ReceiveLoopSyntax.Argument(invocation, method, 0) is not { } bufferArgument ||
                ReceiveLoopSyntax.Argument(invocation, method, 1) is not { } tokenArgument)
            {
                return null;
            }

            var variant = bufferType.Name == "ArraySegment" ? Variant.Segment : Variant.Memory;
            SyntaxNode? container = invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (container is null)
            {
                if (invocation.Ancestors().OfType<GlobalStatementSyntax>().Any())
                {
                    container = invocation.SyntaxTree.GetRoot(cancellationToken);
                }
                else
                {
                    return null;
                }
            }
            else if (container is InterfaceDeclarationSyntax)
            {
                return null;
            }

            if (!HelperNameIsFree(model, invocation, method, out var hasHelper))
            {
                return null;
            }

            // An array converted to the parameter type is wrapped explicitly, so the call binds the same way with both
            // helper overloads present.
            var buffer = bufferArgument.Expression.WithoutTrivia();
            if (model.GetTypeInfo(bufferArgument.Expression, cancellationToken).Type is IArrayTypeSymbol)
            {
                buffer = SyntaxFactory.ParseExpression(variant == Variant.Segment
                    ? $"new global::System.ArraySegment<byte>({buffer})"
                    : $"new global::System.Memory<byte>({buffer})");
            }

            return new Plan(invocation, container, variant, hasHelper, socket.WithoutTrivia(), buffer, tokenArgument.Expression.WithoutTrivia(),
                bufferType.GetMembers("Slice").Length > 0);
        }

        /// <summary>Nothing named like the helper is in scope at the call but the helpers this fix adds: the one this
        /// receive needs (<paramref name="hasHelper"/>) or the other overload.</summary>
        private static bool HelperNameIsFree(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol receive, out bool hasHelper)
        {
            hasHelper = false;
            foreach (var symbol in model.LookupSymbols(invocation.SpanStart, name: HelperName))
            {
                if (symbol is not IMethodSymbol { Parameters.Length: 3 } helper ||
                    helper.Parameters[1].Type is not INamedTypeSymbol { Name: "ArraySegment" or "Memory" })
                {
                    return false;
                }

                hasHelper |= SymbolEqualityComparer.Default.Equals(helper.Parameters[1].Type, receive.Parameters[0].Type);
            }

            return true;
        }

        public InvocationExpressionSyntax Replacement() =>
            ReceiveLoopSyntax.Simplified((InvocationExpressionSyntax)SyntaxFactory.ParseExpression($"{HelperName}({_socket}, {_buffer}, {_token})"));

        public string HelperText(bool isLocalFunction)
        {
            var modifiers = isLocalFunction ? "static async" : "private static async";
            if (Variant == Variant.Memory)
            {
                return $$"""

                    // Receives one whole message into buffer: fragments are read until EndOfMessage. A message longer than the
                    // buffer is refused with 1009 (MessageTooBig) and returned as a Close.
                    {{modifiers}} global::System.Threading.Tasks.ValueTask<{{Sockets}}ValueWebSocketReceiveResult> {{HelperName}}({{Sockets}}WebSocket socket, global::System.Memory<byte> buffer, global::System.Threading.CancellationToken cancellationToken)
                    {
                        var count = 0;
                        while (true)
                        {
                            var result = await socket.ReceiveAsync(buffer.Slice(count), cancellationToken);
                            count += result.Count;
                            if (result.EndOfMessage || result.MessageType == {{Sockets}}WebSocketMessageType.Close)
                            {
                                return new {{Sockets}}ValueWebSocketReceiveResult(count, result.MessageType, true);
                            }

                            if (count == buffer.Length)
                            {
                                await socket.CloseOutputAsync({{Sockets}}WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                                return new {{Sockets}}ValueWebSocketReceiveResult(0, {{Sockets}}WebSocketMessageType.Close, true);
                            }
                        }
                    }

                    """;
            }

            var rest = _segmentHasSlice
                ? "buffer.Slice(count)"
                : "new global::System.ArraySegment<byte>(buffer.Array, buffer.Offset + count, buffer.Count - count)";
            return $$"""

                // Receives one whole message into buffer: fragments are read until EndOfMessage. A message longer than the
                // buffer is refused with 1009 (MessageTooBig) and returned as a Close.
                {{modifiers}} global::System.Threading.Tasks.Task<{{Sockets}}WebSocketReceiveResult> {{HelperName}}({{Sockets}}WebSocket socket, global::System.ArraySegment<byte> buffer, global::System.Threading.CancellationToken cancellationToken)
                {
                    var count = 0;
                    while (true)
                    {
                        var result = await socket.ReceiveAsync({{rest}}, cancellationToken);
                        count += result.Count;
                        if (result.EndOfMessage || result.MessageType == {{Sockets}}WebSocketMessageType.Close)
                        {
                            return new {{Sockets}}WebSocketReceiveResult(count, result.MessageType, true, result.CloseStatus, result.CloseStatusDescription);
                        }

                        if (count == buffer.Count)
                        {
                            await socket.CloseOutputAsync({{Sockets}}WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                            return new {{Sockets}}WebSocketReceiveResult(0, {{Sockets}}WebSocketMessageType.Close, true, {{Sockets}}WebSocketCloseStatus.MessageTooBig, "Message too big");
                        }
                    }
                }

                """;
        }
    }
}
