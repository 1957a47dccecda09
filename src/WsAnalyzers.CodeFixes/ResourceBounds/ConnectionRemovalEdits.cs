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
/// the connection runs it. Functions (ASP.NET Core handlers, accept loops): a finally around the rest of the
/// connection's lifetime, or around the session a fire-and-forget call starts (<see cref="LifetimeEdits"/>); Hubs:
/// OnDisconnectedAsync; websocket-sharp behaviors: OnClose; Fleck: the connection's OnClose callback; ASP.NET SignalR 2 and
/// EmbedIO: OnDisconnected / OnClientDisconnectedAsync (<see cref="CloseOverrides"/>).
/// </summary>
internal static class ConnectionRemovalEdits
{
    /// <summary>One registration to fix: the add, its shape, the removal and where it goes.</summary>
    internal sealed class Plan
    {
        public Plan(ExpressionSyntax add, RegistrationShape shape, StatementSyntax removal)
        {
            Add = add;
            Shape = shape;
            Removal = removal;
        }

        public ExpressionSyntax Add { get; }
        public RegistrationShape Shape { get; }

        /// <summary>The statement that goes where the connection ends.</summary>
        public StatementSyntax Removal { get; }

        /// <summary>Functions: removals that leave their place (they move into the finally).</summary>
        public ImmutableArray<StatementSyntax> RemovalsToMove { get; set; } = ImmutableArray<StatementSyntax>.Empty;

        /// <summary>Functions: the statement after which the connection's lifetime runs (the add, or the lock around it).</summary>
        public StatementSyntax? Anchor { get; set; }

        /// <summary>Functions: the fire-and-forget call or Task.Run that runs the lifetime; null when the rest of the
        /// block does (it is wrapped in try/finally).</summary>
        public ExpressionSyntax? Started { get; set; }

        /// <summary>Functions: how the fix names System.Threading.Tasks.Task where it starts the session.</summary>
        public string? TaskName { get; set; }

        /// <summary>Functions: the started call's value is a task (a lambda body to await).</summary>
        public bool StartedIsTask { get; set; }

        /// <summary>Functions: a key that is not a plain name, moved into a local of this name before the add.</summary>
        public ExpressionSyntax? ExtractedKey { get; set; }

        public string? ExtractedName { get; set; }

        public SyntaxAnnotation Marker { get; } = new();
        public SyntaxAnnotation AnchorMarker { get; } = new();
        public SyntaxAnnotation MoveMarker { get; } = new();
        public SyntaxAnnotation StartedMarker { get; } = new();
        public SyntaxAnnotation KeyMarker { get; } = new();

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

        var plan = shape == RegistrationShape.Function
            ? LifetimeEdits.CreatePlan(root, model, add, removalLocations, cancellationToken)
            : CallbackPlan(model, add, shape, cancellationToken);
        if (plan is not null)
        {
            plan.NullableAnnotations = model.GetNullableContext(add.SpanStart).AnnotationsEnabled();
            plan.CloseOverride = CloseOverrides.Template(model, add, shape, cancellationToken);
        }

        return plan;
    }

    /// <summary>Hubs, behaviors and Fleck: the removal is written from the add and goes into the end-of-connection callback.</summary>
    private static Plan? CallbackPlan(SemanticModel model, ExpressionSyntax add, RegistrationShape shape, CancellationToken cancellationToken)
    {
        if (!FitsShape(model, add, shape, cancellationToken))
        {
            return null;
        }

        var (receiver, key, value) = RemovalStatements.Parts(add);
        if (receiver is null || key is null || !RemovalStatements.IsStable(receiver) || !InScope(model, receiver, add, shape, cancellationToken))
        {
            return null;
        }

        var type = model.GetTypeInfo(receiver, cancellationToken).Type;
        var position = add.SpanStart;
        StatementSyntax? removal = null;
        if (RemovalStatements.IsStable(key) && InScope(model, key, add, shape, cancellationToken) &&
            RemovalStatements.RemovalMethod(type) is { } method)
        {
            removal = RemovalStatements.ByKey(method, receiver.WithoutTrivia().ToString(), key.WithoutTrivia().ToString(), model, position);
        }
        else if (value is not null && RemovalStatements.IsDictionary(type) && RemovalStatements.IsStable(value) &&
                 InScope(model, value, add, shape, cancellationToken))
        {
            removal = RemovalStatements.ByValue(
                receiver.WithoutTrivia().ToString(), value.WithoutTrivia().ToString(), RemovalStatements.RemovalMethod(type) == "TryRemove", model, position);
        }

        if (removal is null)
        {
            return null;
        }

        // Under the lock the add takes (the nearest lock around it in its method or callback).
        var @lock = add.Ancestors().TakeWhile(node => node is not (MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax)).OfType<LockStatementSyntax>().FirstOrDefault();
        if (@lock is { Expression: var gate } && RemovalStatements.IsStable(gate) && InScope(model, gate, add, shape, cancellationToken))
        {
            removal = RemovalStatements.UnderLock(gate.WithoutTrivia().ToString(), removal);
        }

        return new Plan(add, shape, removal);
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
            if (plan.Anchor is not null)
            {
                Mark(markers, plan.Anchor, plan.AnchorMarker);
            }

            foreach (var statement in plan.RemovalsToMove)
            {
                Mark(markers, statement, plan.MoveMarker);
            }

            if (plan.Started is not null)
            {
                Mark(markers, plan.Started, plan.StartedMarker);
            }

            if (plan.ExtractedKey is not null)
            {
                Mark(markers, plan.ExtractedKey, plan.KeyMarker);
            }
        }

        root = root.ReplaceNodes(markers.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(markers[original]));
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            root = plan.Shape switch
            {
                RegistrationShape.Function => LifetimeEdits.Apply(root, plan) ?? root,
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

    private static bool FitsShape(SemanticModel model, ExpressionSyntax add, RegistrationShape shape, CancellationToken cancellationToken) =>
        shape switch
        {
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
    /// The names <paramref name="node"/> (part of the add) uses are in scope where a callback removal goes:
    /// OnDisconnectedAsync / OnClose overrides see members only; a Fleck OnClose callback also sees the server callback's
    /// parameter (the connection); SignalR 2's OnDisconnected and EmbedIO's OnClientDisconnectedAsync also see their own
    /// parameters, the open handler's connection under the same name.
    /// </summary>
    private static bool InScope(SemanticModel model, SyntaxNode node, ExpressionSyntax add, RegistrationShape shape, CancellationToken cancellationToken)
    {
        var callback = shape == RegistrationShape.Fleck ? FleckCallback(add) : null;
        foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            switch (model.GetSymbolInfo(identifier, cancellationToken).Symbol)
            {
                // A Fleck OnClose callback is written in the server callback: it sees the locals around that callback too.
                case ILocalSymbol local when callback is null || local.DeclaringSyntaxReferences.Length != 1 ||
                                             callback.Span.Contains(local.DeclaringSyntaxReferences[0].Span):
                case IParameterSymbol parameter when shape is RegistrationShape.Hub or RegistrationShape.Behavior ||
                                                     (shape is RegistrationShape.AspNetHub or RegistrationShape.EmbedIO
                                                         ? !CloseOverrides.HasParameter(model, add, shape, parameter, cancellationToken)
                                                         : !IsCallbackParameter(parameter, callback)):
                case IRangeVariableSymbol:
                    return false;
            }
        }

        return true;
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

    /// <summary>The statement <paramref name="node"/> is the expression of (through awaits and parentheses).</summary>
    internal static StatementSyntax? StatementOf(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax or ExpressionStatementSyntax)
        {
            current = current.Parent;
        }

        return current as ExpressionStatementSyntax;
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
    internal static T Elastic<T>(T node)
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
            var laidOut = LambdaBlocks.Layout(new[] { removal }, indentation.Length >= 4 ? indentation.Substring(4) : "", endOfLine.ToFullString());
            return root.ReplaceNode(
                existing,
                existing.AddStatements(laidOut.Statements[0].WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(endOfLine)));
        }

        if (onClose is { ExpressionBody: { } expression })
        {
            var block = LambdaBlocks.Layout(
                new[] { SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()), removal }, IndentationOf(onClose), endOfLine.ToFullString());
            var updated = onClose.WithExpressionBody(null)
                .WithArrowToken(onClose.ArrowToken.WithTrailingTrivia())
                .WithBlock(block);
            return root.ReplaceNode(onClose, updated);
        }

        // socket.OnClose = () => removal;  after the statement that registers
        var callbackIndentation = IndentationOf(anchor);
        var text = removal is ExpressionStatementSyntax { Expression: var removed }
            ? $"{socket}.OnClose = () => {removed};"
            : $"{socket}.OnClose = () =>{LambdaBlocks.Layout(new[] { removal }, callbackIndentation, endOfLine.ToFullString()).ToFullString()};";
        var added = SyntaxFactory.ParseStatement(text).WithLeadingTrivia(SyntaxFactory.Whitespace(callbackIndentation)).WithTrailingTrivia(endOfLine);
        return root.ReplaceNode(body, body.WithStatements(body.Statements.Insert(body.Statements.IndexOf(anchor) + 1, added)));
    }

    /// <summary>The indentation of the statement that contains <paramref name="node"/>.</summary>
    internal static string IndentationOf(SyntaxNode node) =>
        node.FirstAncestorOrSelf<StatementSyntax>()?.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString() ?? "";

    internal static SyntaxTrivia EndOfLine(SyntaxNode root) =>
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
