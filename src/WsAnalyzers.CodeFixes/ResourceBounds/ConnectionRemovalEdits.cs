using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using WsAnalyzers.ResourceBounds;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>
/// The edits shared by the WS2001 and WS2003 fixes: put the removal of a registered connection where every end of
/// the connection runs it. ASP.NET Core handlers: a finally around the rest of the connection's lifetime; Hubs:
/// OnDisconnectedAsync; websocket-sharp behaviors: OnClose; Fleck: the connection's OnClose callback; ASP.NET SignalR 2 and
/// EmbedIO: OnDisconnected / OnClientDisconnectedAsync (<see cref="CloseOverrides"/>).
/// </summary>
internal static class ConnectionRemovalEdits
{
    /// <summary>One registration to fix: the add, its shape, and (WS2003) the removal statements to move.</summary>
    internal sealed class Plan
    {
        public Plan(ExpressionSyntax add, RegistrationShape shape, StatementSyntax removal, ImmutableArray<StatementSyntax> removalsToMove)
        {
            Add = add;
            Shape = shape;
            Removal = removal;
            RemovalsToMove = removalsToMove;
        }

        public ExpressionSyntax Add { get; }
        public RegistrationShape Shape { get; }
        public StatementSyntax Removal { get; }
        public ImmutableArray<StatementSyntax> RemovalsToMove { get; }
        public SyntaxAnnotation Marker { get; } = new();

        /// <summary>Nullable annotations are enabled at the add: an added OnDisconnectedAsync takes <c>Exception?</c>.</summary>
        public bool NullableAnnotations { get; set; }

        /// <summary>For the ASP.NET SignalR 2 and EmbedIO shapes: the override to add when the class has none.</summary>
        public string? CloseOverride { get; set; }
    }

    /// <summary>A plan for the registration at <paramref name="addLocation"/>, or null when its shape has no safe fix.</summary>
    public static Plan? CreatePlan(
        SyntaxNode root, SemanticModel model, Location addLocation, RegistrationShape shape, IEnumerable<Location> removalLocations,
        CancellationToken cancellationToken)
    {
        if (root.FindNode(addLocation.SourceSpan, getInnermostNodeForTie: true) is not { } node ||
            node.FirstAncestorOrSelf<ExpressionSyntax>(e => e is InvocationExpressionSyntax or AssignmentExpressionSyntax) is not { } add ||
            !add.Span.Equals(addLocation.SourceSpan))
        {
            return null;
        }

        var moved = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var location in removalLocations)
        {
            if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not { } removalNode ||
                StatementOf(removalNode) is not { Parent: BlockSyntax } statement)
            {
                return null;
            }

            moved.Add(statement);
        }

        var removal = moved.Count > 0
            ? moved[0].WithoutTrivia()
            : Synthesize(model, add, cancellationToken);
        if (removal is null || !FitsShape(model, add, shape, moved, cancellationToken) || !NamesStayInScope(model, removal, moved.Count > 0 ? moved[0] : null, add, shape, cancellationToken))
        {
            return null;
        }

        return new Plan(add, shape, removal, moved.ToImmutable())
        {
            NullableAnnotations = model.GetNullableContext(add.SpanStart).AnnotationsEnabled(),
            CloseOverride = CloseOverrides.Template(model, add, shape, cancellationToken),
        };
    }

    /// <summary>Applies every plan to the document, one after another on the evolving tree.</summary>
    public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<Plan> plans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || plans.Count == 0)
        {
            return document;
        }

        var markers = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var plan in plans)
        {
            Mark(markers, plan.Add, plan.Marker);
            foreach (var statement in plan.RemovalsToMove)
            {
                Mark(markers, statement, plan.Marker);
            }
        }

        root = root.ReplaceNodes(markers.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(markers[original]));
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            root = plan.Shape switch
            {
                RegistrationShape.Function => WrapInFinally(root, plan) ?? root,
                RegistrationShape.Hub => AddToOverride(root, plan, HubOverride) ?? root,
                RegistrationShape.Behavior => AddToOverride(root, plan, BehaviorOverride) ?? root,
                RegistrationShape.AspNetHub or RegistrationShape.EmbedIO => plan.CloseOverride is { } template ? AddToOverride(root, plan, template) ?? root : root,
                _ => AddToFleckOnClose(root, plan) ?? root,
            };
        }

        return document.WithSyntaxRoot(root);
    }

    private static void Mark(Dictionary<SyntaxNode, List<SyntaxAnnotation>> markers, SyntaxNode node, SyntaxAnnotation marker)
    {
        if (!markers.TryGetValue(node, out var list))
        {
            markers[node] = list = new List<SyntaxAnnotation>();
        }

        list.Add(marker);
    }

    private static bool FitsShape(
        SemanticModel model, ExpressionSyntax add, RegistrationShape shape, IEnumerable<StatementSyntax> moved, CancellationToken cancellationToken) =>
        shape switch
        {
            RegistrationShape.Function => StatementOf(add) is { Parent: BlockSyntax block } statement &&
                                          block.Statements.IndexOf(statement) < block.Statements.Count - 1 &&
                                          moved.All(m => m.SpanStart > statement.Span.End && block.Span.Contains(m.Span)),
            RegistrationShape.Hub => OverrideIsHere(model, add, "OnDisconnectedAsync", cancellationToken),
            RegistrationShape.Behavior => OverrideIsHere(model, add, "OnClose", cancellationToken),
            RegistrationShape.AspNetHub or RegistrationShape.EmbedIO => OverrideIsHere(model, add, CloseOverrides.Name(shape)!, cancellationToken),
            _ => FleckCallback(add) is { Body: BlockSyntax } callback && CallbackStatement(callback, add) is not null &&
                 SocketOf(callback) is { } socket && FindOnClose(callback, socket, out _),
        };

    /// <summary>The class declaration that registers is the only place the override is (or can be) declared: another part
    /// of a partial class that declares it would get a duplicate.</summary>
    private static bool OverrideIsHere(SemanticModel model, SyntaxNode add, string name, CancellationToken cancellationToken)
    {
        if (add.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration ||
            model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            return false;
        }

        foreach (var member in type.GetMembers(name))
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != declaration.SyntaxTree || !declaration.Span.Contains(reference.Span))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string? SocketOf(LambdaExpressionSyntax callback) => callback switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The connection's OnClose callback in the server callback: true with <paramref name="onClose"/> null when there is
    /// none (one can be added), true with the lambda when it is a single <c>socket.OnClose = () => ...</c> statement of the
    /// callback (it can be extended), false for any other shape (it could be overwritten or lost).
    /// </summary>
    private static bool FindOnClose(LambdaExpressionSyntax callback, string socket, out ParenthesizedLambdaExpressionSyntax? onClose)
    {
        onClose = null;
        var assignments = callback.Body.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OnClose" })
            .ToList();
        if (assignments.Count == 0)
        {
            return true;
        }

        if (assignments.Count == 1 &&
            assignments[0] is
            {
                RawKind: (int)SyntaxKind.SimpleAssignmentExpression,
                Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target },
                Right: ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 0 } lambda,
                Parent: ExpressionStatementSyntax { Parent: BlockSyntax block },
            } &&
            block == callback.Body && target.Identifier.ValueText == socket)
        {
            onClose = lambda;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The removal only names what is in scope where it goes: a finally sees the locals declared before the add and the
    /// function's parameters; OnDisconnectedAsync / OnClose overrides see members only; a Fleck OnClose callback also
    /// sees the server callback's parameter (the connection); SignalR 2's OnDisconnected and EmbedIO's
    /// OnClientDisconnectedAsync also see their own parameters, the open handler's connection under the same name.
    /// </summary>
    private static bool NamesStayInScope(
        SemanticModel model, StatementSyntax removal, StatementSyntax? original, ExpressionSyntax add, RegistrationShape shape,
        CancellationToken cancellationToken)
    {
        // A synthesized removal is built from the add's own syntax, so bind the add; a moved one binds where it is now.
        var (receiver, key) = ReceiverAndKey(add);
        var bound = original is not null ? new SyntaxNode?[] { original } : new SyntaxNode?[] { receiver, key };
        var addStart = StatementOf(add)?.SpanStart ?? add.SpanStart;
        var callback = shape == RegistrationShape.Fleck ? FleckCallback(add) : null;
        foreach (var identifier in bound.SelectMany(node => node?.DescendantNodesAndSelf() ?? Enumerable.Empty<SyntaxNode>()).OfType<IdentifierNameSyntax>())
        {
            switch (model.GetSymbolInfo(identifier, cancellationToken).Symbol)
            {
                case ILocalSymbol local when shape != RegistrationShape.Function ||
                                             local.DeclaringSyntaxReferences.Length != 1 ||
                                             local.DeclaringSyntaxReferences[0].Span.Start >= addStart:
                case IParameterSymbol parameter when shape is RegistrationShape.Hub or RegistrationShape.Behavior ||
                                                     (shape == RegistrationShape.Fleck && !IsCallbackParameter(parameter, callback)) ||
                                                     (shape is RegistrationShape.AspNetHub or RegistrationShape.EmbedIO &&
                                                      !CloseOverrides.HasParameter(model, add, shape, parameter, cancellationToken)):
                case IRangeVariableSymbol:
                    return false;
            }
        }

        return removal is not null;
    }

    private static bool IsCallbackParameter(IParameterSymbol parameter, LambdaExpressionSyntax? callback)
    {
        var list = callback switch
        {
            SimpleLambdaExpressionSyntax simple => (SyntaxNode)simple.Parameter,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList,
            _ => null,
        };
        return list is not null && parameter.Locations.Length == 1 && list.Span.Contains(parameter.Locations[0].SourceSpan);
    }

    /// <summary>The removal that undoes <paramref name="add"/>: Remove(key) or TryRemove(key, out _) on the same receiver.</summary>
    private static StatementSyntax? Synthesize(SemanticModel model, ExpressionSyntax add, CancellationToken cancellationToken)
    {
        var (receiver, key) = ReceiverAndKey(add);
        if (receiver is null || key is null || !IsStable(receiver) || !IsStable(key) || model.GetTypeInfo(receiver, cancellationToken).Type?.OriginalDefinition is not INamedTypeSymbol type)
        {
            return null;
        }

        var method = RemovalMethod(type);
        if (method is null)
        {
            return null;
        }

        var text = $"{receiver.WithoutTrivia()}.{method}({key.WithoutTrivia()}{(method == "TryRemove" ? ", out _" : "")});";
        return SyntaxFactory.ParseStatement(text);
    }

    /// <summary>The collection and the key or element of an add: <c>c.Add(key, ...)</c>, <c>c.TryAdd(key, ...)</c>, <c>c[key] = ...</c>.</summary>
    private static (ExpressionSyntax? Receiver, ExpressionSyntax? Key) ReceiverAndKey(ExpressionSyntax add) => add switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            when invocation.ArgumentList.Arguments.Count > 0 &&
                 access.Name.Identifier.ValueText is "Add" or "TryAdd" or "AddOrUpdate" or "GetOrAdd" or "AddLast" or "AddFirst" =>
            (access.Expression, invocation.ArgumentList.Arguments[0].Expression),
        AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } when element.ArgumentList.Arguments.Count == 1 =>
            (element.Expression, element.ArgumentList.Arguments[0].Expression),
        _ => (null, null),
    };

    private static string? RemovalMethod(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString();
        return (ns, type.MetadataName) switch
        {
            ("System.Collections.Concurrent", "ConcurrentDictionary`2") => "TryRemove",
            ("System.Collections.Generic", "Dictionary`2" or "SortedDictionary`2" or "IDictionary`2" or "List`1" or "HashSet`1" or
                "SortedSet`1" or "LinkedList`1" or "ICollection`1" or "IList`1" or "ISet`1") => "Remove",
            _ => null,
        };
    }

    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsStable(access.Expression),
        _ => false,
    };

    private static StatementSyntax? StatementOf(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax or ExpressionStatementSyntax)
        {
            current = current.Parent;
        }

        return current as ExpressionStatementSyntax;
    }

    /// <summary><c>add; rest...</c> becomes <c>add; try { rest... } finally { removal; }</c>, without the removals it moves.</summary>
    private static SyntaxNode? WrapInFinally(SyntaxNode root, Plan plan)
    {
        if (Find(root, plan) is not { } add || StatementOf(add) is not { Parent: BlockSyntax block } statement)
        {
            return null;
        }

        var index = block.Statements.IndexOf(statement);
        var rest = block.Statements.Skip(index + 1).ToList();
        var body = SyntaxFactory.Block(rest);
        var toRemove = body.DescendantNodes().OfType<ExpressionStatementSyntax>().Where(s => s.HasAnnotation(plan.Marker)).Cast<StatementSyntax>().ToList();
        if (toRemove.Count > 0)
        {
            body = body.RemoveNodes(toRemove, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        var @try = SyntaxFactory.TryStatement(
                body,
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(plan.Removal.WithoutAnnotations(plan.Marker).WithoutTrivia())))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var statements = block.Statements.Take(index + 1).Concat(new StatementSyntax[] { @try });
        return root.ReplaceNode(block, block.WithStatements(SyntaxFactory.List(statements)));
    }

    private static readonly string HubOverride =
        "public override global::System.Threading.Tasks.Task OnDisconnectedAsync(global::System.Exception{0} exception)\n{{\n    return base.OnDisconnectedAsync(exception);\n}}";

    private static readonly string BehaviorOverride =
        "protected override void OnClose(global::WebSocketSharp.CloseEventArgs e)\n{{\n    base.OnClose(e);\n}}";

    /// <summary>Puts the removal first in the class's OnDisconnectedAsync / OnClose override, adding the override when there is none.</summary>
    private static SyntaxNode? AddToOverride(SyntaxNode root, Plan plan, string template)
    {
        if (Find(root, plan) is not { } add || add.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } type)
        {
            return null;
        }

        var name = template == HubOverride ? "OnDisconnectedAsync" : template == BehaviorOverride ? "OnClose" : CloseOverrides.Name(plan.Shape)!;
        var removal = Elastic(plan.Removal.WithoutAnnotations(plan.Marker)).WithAdditionalAnnotations(Formatter.Annotation);
        var existing = type.Members.OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Identifier.ValueText == name && m.Modifiers.Any(SyntaxKind.OverrideKeyword));
        if (existing is not null)
        {
            var body = existing.Body ?? ToBlock(existing);
            if (body is null)
            {
                return null;
            }

            var updated = existing.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(body.WithStatements(body.Statements.Insert(0, removal)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(existing, updated);
        }

        var nullable = name == "OnDisconnectedAsync" && plan.NullableAnnotations ? "?" : "";
        var method = Elastic((MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(string.Format(template, nullable))!);
        method = method.WithBody(method.Body!.WithStatements(method.Body.Statements.Insert(0, removal)))
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        var anchor = add.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m.Parent == type);
        var members = anchor is null ? type.Members.Add(method) : type.Members.Insert(type.Members.IndexOf(anchor) + 1, method);
        return root.ReplaceNode(type, type.WithMembers(members));
    }

    /// <summary>Replaces all whitespace with elastic trivia, so that the formatter lays the node out like hand-written code.</summary>
    private static T Elastic<T>(T node)
        where T : SyntaxNode =>
        node.ReplaceTrivia(
            node.DescendantTrivia(descendIntoTrivia: false).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)),
            (_, _) => SyntaxFactory.ElasticMarker)
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(SyntaxFactory.ElasticMarker);

    private static BlockSyntax? ToBlock(MethodDeclarationSyntax method)
    {
        if (method.ExpressionBody is not { Expression: var expression })
        {
            return null;
        }

        var returnsValue = !method.Modifiers.Any(SyntaxKind.AsyncKeyword) &&
                           method.ReturnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };
        StatementSyntax statement = returnsValue
            ? SyntaxFactory.ReturnStatement(expression.WithoutTrivia())
            : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
        return SyntaxFactory.Block(statement);
    }

    /// <summary>Adds the removal to the connection's OnClose callback in Fleck's server callback, or adds that callback.</summary>
    private static SyntaxNode? AddToFleckOnClose(SyntaxNode root, Plan plan)
    {
        if (Find(root, plan) is not { } add || FleckCallback(add) is not { Body: BlockSyntax body } callback ||
            CallbackStatement(callback, add) is not { } anchor || SocketOf(callback) is not { } socket ||
            !FindOnClose(callback, socket, out var onClose))
        {
            return null;
        }

        var removal = plan.Removal.WithoutAnnotations(plan.Marker).WithoutTrivia();
        var endOfLine = EndOfLine(root);
        if (onClose is { Block: { } existing })
        {
            var indentation = existing.Statements.LastOrDefault() is { } last
                ? IndentationOf(last)
                : IndentationOf(onClose) + "    ";
            return root.ReplaceNode(
                existing,
                existing.AddStatements(removal.WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(endOfLine)));
        }

        if (onClose is { ExpressionBody: { } expression })
        {
            var block = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()), removal);
            var updated = onClose.WithExpressionBody(null)
                .WithArrowToken(onClose.ArrowToken.WithTrailingTrivia())
                .WithBlock(MultiLine(block, endOfLine, IndentationOf(onClose)));
            return root.ReplaceNode(onClose, updated);
        }

        var text = $"{socket}.OnClose = () => {((ExpressionStatementSyntax)removal).Expression};";
        var added = Elastic(SyntaxFactory.ParseStatement(text)).WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(body, body.WithStatements(body.Statements.Insert(body.Statements.IndexOf(anchor) + 1, added)));
    }

    /// <summary>The indentation of the statement that contains <paramref name="node"/>.</summary>
    private static string IndentationOf(SyntaxNode node) =>
        node.FirstAncestorOrSelf<StatementSyntax>()?.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString() ?? "";

    /// <summary>A lambda block laid out on several lines at the statement's indentation (the formatter keeps a
    /// one-line lambda block on one line and does not indent a lambda block it did not lay out).</summary>
    private static BlockSyntax MultiLine(BlockSyntax block, SyntaxTrivia endOfLine, string indentation)
    {
        var inner = SyntaxFactory.Whitespace(indentation + "    ");
        return SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken)
                .WithLeadingTrivia(endOfLine, SyntaxFactory.Whitespace(indentation))
                .WithTrailingTrivia(endOfLine),
            SyntaxFactory.List(block.Statements.Select(statement =>
                statement.WithoutTrivia().NormalizeWhitespace().WithLeadingTrivia(inner).WithTrailingTrivia(endOfLine))),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)));
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : SyntaxFactory.LineFeed;

    private static LambdaExpressionSyntax? FleckCallback(SyntaxNode node) =>
        node.Ancestors().OfType<LambdaExpressionSyntax>().FirstOrDefault(lambda =>
            lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } &&
            invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Start" });

    private static StatementSyntax? CallbackStatement(LambdaExpressionSyntax callback, SyntaxNode add) =>
        callback.Body is BlockSyntax body ? add.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent == body) : null;

    private static ExpressionSyntax? Find(SyntaxNode root, Plan plan) =>
        root.GetAnnotatedNodes(plan.Marker).OfType<ExpressionSyntax>().FirstOrDefault();
}
