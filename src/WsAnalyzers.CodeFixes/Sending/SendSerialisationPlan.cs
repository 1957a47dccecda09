using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Sending;

namespace WsAnalyzers.CodeFixes.Sending;

/// <summary>
/// What the WS3003 fix does to a document for a batch of diagnostics. A dropped send whose diagnostic says awaiting is
/// enough is awaited. Otherwise every send on the socket is serialised with one <c>SemaphoreSlim(1, 1)</c>: a field of
/// the type for a field or property socket (and for sends that overlap across runs of their method), a local right after
/// the declaration of a local socket, or at the start of the method for a socket parameter. Each send then waits for the
/// semaphore and releases it in a finally: in async code in place (a dropped send is awaited), in synchronous code
/// through an async local function it starts without waiting, so the caller still does not block; a kept or returned task
/// is replaced by the task of such a local function. When one send on the socket cannot be rewritten (a send inside a
/// lock, a task a lambda's expression body returns), the sends are left as they are.
/// </summary>
internal sealed class SendSerialisationPlan
{
    private const string FieldName = "_sendLock";
    private const string LocalName = "sendLock";
    private const string FunctionName = "SendSerialisedAsync";

    private readonly List<ExpressionStatementSyntax> _awaits = [];
    private readonly List<Group> _groups = [];
    private readonly HashSet<string> _names = [];

    private SendSerialisationPlan()
    {
    }

    /// <summary>The fix's title for one diagnostic, or null when the plan does nothing.</summary>
    public string? Title =>
        _groups.Count > 0 ? $"Serialise the sends on '{_groups[0].Socket.Name}' with a SemaphoreSlim" :
        _awaits.Count > 0 ? "Await the send" :
        null;

    public static SendSerialisationPlan Create(SyntaxNode root, SemanticModel model, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plan = new SendSerialisationPlan();
        if (WebSocketApis.For(model.Compilation) is not { } apis)
        {
            return plan;
        }

        var requests = new List<(Diagnostic Diagnostic, IInvocationOperation Send, ISymbol Socket)>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } syntax &&
                model.GetOperation(syntax, cancellationToken) is IInvocationOperation send && apis.IsSend(send, out var call) &&
                call.Socket.ReferencedSymbol() is { } socket)
            {
                requests.Add((diagnostic, send, socket));
            }
        }

        // A socket one diagnostic must serialise is serialised for all of them: an await alone would leave it half done.
        var serialised = new Dictionary<ISymbol, (IInvocationOperation Anchor, bool AcrossRuns)>(SymbolEqualityComparer.Default);
        foreach (var (diagnostic, send, socket) in requests.Where(r => !r.Diagnostic.Properties.ContainsKey(SendNotAwaitedRule.AwaitProperty)))
        {
            var acrossRuns = diagnostic.Properties.TryGetValue(SendNotAwaitedRule.SerialiseProperty, out var scope) && scope == SendNotAwaitedRule.SerialiseAcrossRuns;
            serialised[socket] = serialised.TryGetValue(socket, out var known) ? (known.Anchor, known.AcrossRuns || acrossRuns) : (send, acrossRuns);
        }

        foreach (var (_, send, socket) in requests.Where(r => r.Diagnostic.Properties.ContainsKey(SendNotAwaitedRule.AwaitProperty)))
        {
            if (!serialised.ContainsKey(socket) && send.Syntax.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } statement)
            {
                plan._awaits.Add(statement);
            }
        }

        foreach (var pair in serialised)
        {
            if (Group.Create(plan, apis, root, model, pair.Key, pair.Value.Anchor, pair.Value.AcrossRuns, cancellationToken) is { } group)
            {
                plan._groups.Add(group);
            }
        }

        return plan;
    }

    public void Apply(DocumentEditor editor)
    {
        foreach (var statement in _awaits.Distinct())
        {
            editor.ReplaceNode(statement, Awaited(statement));
        }

        foreach (var group in _groups)
        {
            group.Apply(editor);
        }
    }

    /// <summary><c>socket.SendAsync(...);</c> or <c>_ = socket.SendAsync(...);</c> as <c>await socket.SendAsync(...);</c>.</summary>
    private static ExpressionStatementSyntax Awaited(ExpressionStatementSyntax statement) =>
        statement.WithExpression(SyntaxFactory.AwaitExpression(Dropped(statement).WithoutTrivia()).WithTriviaFrom(statement.Expression))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static ExpressionSyntax Dropped(ExpressionStatementSyntax statement) =>
        statement.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard ? discard.Right : statement.Expression;

    /// <summary>A name not written anywhere in the document nor visible at <paramref name="position"/>, not yet taken by this plan.</summary>
    private string FreeName(SyntaxNode root, SemanticModel model, int position, string name)
    {
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? name : name + suffix;
            if (!_names.Contains(candidate) && model.LookupSymbols(position, name: candidate).IsEmpty &&
                !root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == candidate))
            {
                _names.Add(candidate);
                return candidate;
            }
        }
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is var trivia && trivia.IsKind(SyntaxKind.EndOfLineTrivia)
            ? trivia
            : SyntaxFactory.EndOfLine("\n");

    /// <summary>How one send is rewritten.</summary>
    private enum SiteKind
    {
        /// <summary><c>await send;</c> in async code: wait, then the statement in try/finally.</summary>
        AwaitedStatement,

        /// <summary><c>send;</c> or <c>_ = send;</c> in async code: wait, then the send awaited in try/finally.</summary>
        DroppedStatementAsync,

        /// <summary>An async lambda or member whose expression body is the (awaited) send: a block body doing the same.</summary>
        AsyncExpressionBody,

        /// <summary><c>send;</c> or <c>_ = send;</c> in synchronous code: an async local function that waits and sends, started without waiting.</summary>
        DroppedStatementSync,

        /// <summary>A synchronous void lambda or member whose expression body is the send: a block body doing the same.</summary>
        SyncExpressionBody,

        /// <summary><c>send.Wait();</c> or <c>send.GetAwaiter().GetResult();</c>: a blocking wait for the semaphore around it.</summary>
        BlockingStatement,

        /// <summary>A send whose task is kept or returned (<c>pending.Add(send)</c>, <c>return send;</c>): an async local
        /// function that waits and sends, whose task takes the send's place.</summary>
        KeptTask,
    }

    private sealed class Site
    {
        public Site(SiteKind kind, SyntaxNode node, ExpressionSyntax send, bool returnsValueTask = false)
        {
            Kind = kind;
            Node = node;
            Send = send;
            ReturnsValueTask = returnsValueTask;
        }

        /// <summary>The send returns a ValueTask (the Memory overload): a local function standing for it returns one too.</summary>
        public bool ReturnsValueTask { get; }

        public SiteKind Kind { get; }

        /// <summary>The statement, lambda, method or local function that is rewritten.</summary>
        public SyntaxNode Node { get; }

        /// <summary>The send with its ConfigureAwait, without await.</summary>
        public ExpressionSyntax Send { get; }
    }

    private sealed class Group
    {
        private readonly SendSerialisationPlan _plan;
        private readonly SyntaxNode _root;
        private readonly List<Site> _sites;
        private readonly string _lock;
        private readonly SyntaxNode _anchor;
        private readonly bool _isField;
        private readonly bool _isStatic;

        private Group(SendSerialisationPlan plan, SyntaxNode root, ISymbol socket, List<Site> sites, string @lock, SyntaxNode anchor, bool isField, bool isStatic)
        {
            _plan = plan;
            _root = root;
            Socket = socket;
            _sites = sites;
            _lock = @lock;
            _anchor = anchor;
            _isField = isField;
            _isStatic = isStatic;
        }

        public ISymbol Socket { get; }

        public static Group? Create(
            SendSerialisationPlan plan, WebSocketApis apis, SyntaxNode root, SemanticModel model, ISymbol socket, IInvocationOperation anchorSend, bool acrossRuns,
            CancellationToken cancellationToken)
        {
            var isMember = acrossRuns || socket is IFieldSymbol or IPropertySymbol;
            SyntaxNode? scope;
            SyntaxNode? anchor;
            if (isMember)
            {
                scope = anchorSend.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                anchor = scope;
            }
            else
            {
                (scope, anchor) = LocalScope(socket, cancellationToken);
            }

            if (scope is null || anchor is null)
            {
                return null;
            }

            var sites = new List<Site>();
            var isStatic = socket.IsStatic;
            foreach (var invocation in scope.DescendantNodes(n => n == scope || n is not BaseTypeDeclarationSyntax).OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SendAsync" } ||
                    model.GetOperation(invocation, cancellationToken) is not IInvocationOperation send || !apis.IsSend(send, out var call) ||
                    call.Library != SocketLibrary.SystemNet || !SymbolEqualityComparer.Default.Equals(call.Socket.ReferencedSymbol(), socket))
                {
                    continue;
                }

                isStatic |= invocation.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() is { } declaration &&
                            declaration.Modifiers.Any(SyntaxKind.StaticKeyword);
                if (SendSerialisation.IsSerialised(apis.Threading, send))
                {
                    continue;
                }

                if (Classify(model, send, (ExpressionSyntax)invocation, cancellationToken) is not { } site)
                {
                    return null;
                }

                sites.Add(site);
            }

            // A parameter's sends outside this method are on other symbols (its callers'): serialising one send alone is no fix.
            if (sites.Count == 0 || (socket is IParameterSymbol && sites.Count < 2 && !acrossRuns))
            {
                return null;
            }

            var position = anchor is TypeDeclarationSyntax type ? type.OpenBraceToken.Span.End : anchor.SpanStart;
            var name = plan.FreeName(root, model, position, isMember ? FieldName : LocalName);
            return new Group(plan, root, socket, sites, name, anchor, isMember, isStatic);
        }

        public void Apply(DocumentEditor editor)
        {
            var creation = "new global::System.Threading.SemaphoreSlim(1, 1)";
            if (_isField)
            {
                var field = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                    $"private {(_isStatic ? "static " : "")}readonly global::System.Threading.SemaphoreSlim {_lock} = {creation};\n")!;
                editor.InsertMembers(_anchor, 0, new[] { Simplified(field) });
            }
            else
            {
                var local = Simplified(SyntaxFactory.ParseStatement($"var {_lock} = {creation};\n"));
                switch (_anchor)
                {
                    case GlobalStatementSyntax global:
                        editor.InsertAfter(global, SyntaxFactory.GlobalStatement(local));
                        break;
                    case StatementSyntax after when after.Parent is BlockSyntax or SwitchSectionSyntax:
                        editor.InsertAfter(after, local);
                        break;
                    case BlockSyntax body:
                        editor.InsertBefore(body.Statements[0], local);
                        break;
                }
            }

            foreach (var site in _sites)
            {
                Rewrite(editor, site);
            }
        }

        private void Rewrite(DocumentEditor editor, Site site)
        {
            switch (site.Kind)
            {
                case SiteKind.AwaitedStatement:
                    Replace(editor, (StatementSyntax)site.Node, Wait(awaited: true), Guarded((StatementSyntax)site.Node));
                    break;
                case SiteKind.DroppedStatementAsync:
                    var awaited = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(site.Send.WithoutTrivia()));
                    Replace(editor, (StatementSyntax)site.Node, Wait(awaited: true), Guarded(awaited));
                    break;
                case SiteKind.BlockingStatement:
                    Replace(editor, (StatementSyntax)site.Node, Wait(awaited: false), Guarded((StatementSyntax)site.Node));
                    break;
                case SiteKind.DroppedStatementSync:
                    var function = _plan.FreeName(_root, editor.SemanticModel, site.Node.SpanStart, FunctionName);
                    Replace(editor, (StatementSyntax)site.Node, Start(function), LocalFunction(function, site.Send));
                    break;
                case SiteKind.AsyncExpressionBody:
                    var body = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(site.Send.WithoutTrivia()));
                    ReplaceBody(editor, site.Node, Wait(awaited: true), Guarded(body));
                    break;
                case SiteKind.SyncExpressionBody:
                    var name = _plan.FreeName(_root, editor.SemanticModel, site.Node.SpanStart, FunctionName);
                    ReplaceBody(editor, site.Node, Start(name), LocalFunction(name, site.Send));
                    break;
                case SiteKind.KeptTask:
                    var standIn = _plan.FreeName(_root, editor.SemanticModel, site.Node.SpanStart, FunctionName);
                    editor.InsertBefore(site.Node, LocalFunction(standIn, site.Send, site.ReturnsValueTask)
                        .WithLeadingTrivia(site.Node.GetLeadingTrivia()).WithTrailingTrivia(EndOfLine(_root), EndOfLine(_root)).WithAdditionalAnnotations(Formatter.Annotation));
                    editor.ReplaceNode(site.Send, SyntaxFactory.InvocationExpression(SyntaxFactory.IdentifierName(standIn)).WithTriviaFrom(site.Send));
                    break;
            }
        }

        /// <summary>Replaces <paramref name="statement"/> with two statements (in a new block where it is not in a list).</summary>
        private void Replace(DocumentEditor editor, StatementSyntax statement, StatementSyntax first, StatementSyntax second)
        {
            first = first.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(EndOfLine(_root)).WithAdditionalAnnotations(Formatter.Annotation);
            second = second.WithTrailingTrivia(statement.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
            if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                editor.InsertBefore(statement, first);
                editor.ReplaceNode(statement, second);
            }
            else
            {
                editor.ReplaceNode(statement, SyntaxFactory.Block(first, second).WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        private void ReplaceBody(DocumentEditor editor, SyntaxNode function, StatementSyntax first, StatementSyntax second)
        {
            var block = SyntaxFactory.Block(first.WithTrailingTrivia(EndOfLine(_root)), second);
            var replacement = function switch
            {
                LambdaExpressionSyntax lambda => (SyntaxNode) lambda.WithExpressionBody(null).WithBlock(
                    block.WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(EndOfLine(_root))).WithTriviaFrom(lambda.ExpressionBody!)),
                MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block).WithTriviaFrom(method),
                LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block).WithTriviaFrom(local),
                _ => function,
            };
            editor.ReplaceNode(function, replacement.WithAdditionalAnnotations(Formatter.Annotation));
        }

        private StatementSyntax Wait(bool awaited) =>
            SyntaxFactory.ParseStatement(awaited ? $"await {_lock}.WaitAsync();" : $"{_lock}.Wait();");

        private TryStatementSyntax Guarded(StatementSyntax statement) =>
            SyntaxFactory.TryStatement(
                SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()),
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(SyntaxFactory.ParseStatement($"{_lock}.Release();"))));

        private static StatementSyntax Start(string function) => SyntaxFactory.ParseStatement($"_ = {function}();");

        private StatementSyntax LocalFunction(string name, ExpressionSyntax send, bool returnsValueTask = false)
        {
            var text = $"async global::System.Threading.Tasks.{(returnsValueTask ? "ValueTask" : "Task")} {name}()\n{{\n    await {_lock}.WaitAsync();\n    try\n    {{\n        await {send.WithoutTrivia().ToFullString()};\n    }}\n    finally\n    {{\n        {_lock}.Release();\n    }}\n}}\n";
            var function = (LocalFunctionStatementSyntax)SyntaxFactory.ParseStatement(text);
            return function.WithReturnType(function.ReturnType.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        private static T Simplified<T>(T node)
            where T : SyntaxNode
        {
            var types = node.DescendantNodes().OfType<QualifiedNameSyntax>().Where(q => q.Parent is not QualifiedNameSyntax).ToList();
            return node.ReplaceNodes(types, (_, current) => current.WithAdditionalAnnotations(Simplifier.Annotation)).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>For a local socket: where it is visible (its declaring function) and the statement that declares it; for
        /// a parameter: its method's declaration and body.</summary>
        private static (SyntaxNode? Scope, SyntaxNode? Anchor) LocalScope(ISymbol socket, CancellationToken cancellationToken)
        {
            if (socket.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration)
            {
                return (null, null);
            }

            if (socket is ILocalSymbol && declaration is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax statement })
            {
                SyntaxNode anchor = statement.Parent is GlobalStatementSyntax global ? global : statement;
                if (anchor is StatementSyntax { Parent: not (BlockSyntax or SwitchSectionSyntax) })
                {
                    return (null, null);
                }

                var scope = anchor.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or CompilationUnitSyntax) ?? anchor.Parent;
                return (scope, anchor);
            }

            if (socket is IParameterSymbol && declaration.Parent?.Parent is BaseMethodDeclarationSyntax { Body: { Statements.Count: > 0 } body } method)
            {
                return (method, body);
            }

            if (socket is IParameterSymbol && declaration.Parent?.Parent is LocalFunctionStatementSyntax { Body: { Statements.Count: > 0 } localBody } function)
            {
                return (function, localBody);
            }

            return (null, null);
        }

        private static Site? Classify(SemanticModel model, IInvocationOperation operation, ExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            var send = invocation;
            while (send.Parent is ParenthesizedExpressionSyntax ||
                   (send.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access && access.Parent is InvocationExpressionSyntax))
            {
                send = send.Parent is MemberAccessExpressionSyntax ? (ExpressionSyntax)send.Parent.Parent! : (ExpressionSyntax)send.Parent;
            }

            if (operation.EnclosingFunction() is not { } function)
            {
                return null;
            }

            var isAsync = function switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol.IsAsync,
                ILocalFunctionOperation local => local.Symbol.IsAsync,
                _ => model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken) is IMethodSymbol { IsAsync: true },
            };
            if (AsyncRewrite.IsInLock(operation, function))
            {
                return null;
            }

            var parent = send.Parent;
            if (parent is AwaitExpressionSyntax await)
            {
                return await.Parent switch
                {
                    ExpressionStatementSyntax statement when isAsync && InList(statement) => new Site(SiteKind.AwaitedStatement, statement, send),
                    LambdaExpressionSyntax lambda when isAsync && lambda.ExpressionBody == await => new Site(SiteKind.AsyncExpressionBody, lambda, send),
                    ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } arrow when isAsync =>
                        new Site(SiteKind.AsyncExpressionBody, arrow.Parent!, send),
                    _ => null,
                };
            }

            if (parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard && discard.Right == send)
            {
                parent = discard.Parent;
            }

            if (parent is ExpressionStatementSyntax dropped && InList(dropped))
            {
                return new Site(isAsync ? SiteKind.DroppedStatementAsync : SiteKind.DroppedStatementSync, dropped, send);
            }

            var returnsVoid = function switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol.ReturnsVoid,
                ILocalFunctionOperation local => local.Symbol.ReturnsVoid,
                _ => model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken) is IMethodSymbol { ReturnsVoid: true },
            };
            if (parent is LambdaExpressionSyntax bodyOf && bodyOf.ExpressionBody == send && returnsVoid)
            {
                return new Site(isAsync ? SiteKind.AsyncExpressionBody : SiteKind.SyncExpressionBody, bodyOf, send);
            }

            if (parent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } member && returnsVoid)
            {
                return new Site(isAsync ? SiteKind.AsyncExpressionBody : SiteKind.SyncExpressionBody, member.Parent!, send);
            }

            // pending.Add(send); return send; var task = send;
            if (send == invocation && parent is ArgumentSyntax or ReturnStatementSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax &&
                KeptIn(send) is { } keeping)
            {
                return new Site(SiteKind.KeptTask, keeping, send, operation.TargetMethod.ReturnType.Name == "ValueTask");
            }

            // send.Wait(); send.GetAwaiter().GetResult();
            if (parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" or "GetAwaiter" } blocking &&
                blocking.Parent is InvocationExpressionSyntax call && Blocked(call) is { } waiting && InList(waiting))
            {
                return new Site(SiteKind.BlockingStatement, waiting, send);
            }

            return null;
        }

        /// <summary>The statement <c>send.Wait();</c> or <c>send.GetAwaiter().GetResult();</c> that <paramref name="call"/> is the first call of.</summary>
        private static ExpressionStatementSyntax? Blocked(InvocationExpressionSyntax call) => call.Parent switch
        {
            ExpressionStatementSyntax statement => statement,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult", Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } } => statement,
            _ => null,
        };

        /// <summary>The statement (in a block) whose value keeps the send's task, with no lambda between them.</summary>
        private static StatementSyntax? KeptIn(ExpressionSyntax send)
        {
            foreach (var ancestor in send.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                        return null;
                    case StatementSyntax statement:
                        return statement.Parent is BlockSyntax or SwitchSectionSyntax ? statement : null;
                }
            }

            return null;
        }

        private static bool InList(StatementSyntax statement) => statement.Parent is BlockSyntax or SwitchSectionSyntax or StatementSyntax;
    }
}
