using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>
/// WS1003 for an ASP.NET SignalR 2 client, whose Closed event says nothing about why: the application's own intent is
/// the only guard. The type gets a flag that is set right before each of its <c>Stop()</c> calls on a SignalR 2
/// connection and cleared right before each <c>Start()</c> outside a handler, and the handler returns when it is set.
/// Offered only when every such call is a statement of its own or the whole body of a member.
/// </summary>
internal static class StopFlagEdits
{
    public const string FlagName = "_stopRequested";

    private const string ConnectionType = "Microsoft.AspNet.SignalR.Client.Connection";

    /// <summary>The Stop() and Start() calls of <paramref name="type"/> on a SignalR 2 connection, or null when one of
    /// them has a shape the fix cannot edit, or when the type never stops the connection (a flag nothing sets guards nothing).</summary>
    public static (List<SyntaxNode> Stops, List<SyntaxNode> Starts)? Find(TypeDeclarationSyntax type, SemanticModel model, CancellationToken cancellationToken)
    {
        var stops = new List<SyntaxNode>();
        var starts = new List<SyntaxNode>();
        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;
            if (name is not ("Stop" or "Start") ||
                model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method || !IsConnection(method.ContainingType))
            {
                continue;
            }

            if (name == "Start" && invocation.Ancestors().TakeWhile(a => a != type).Any(a => a is AnonymousFunctionExpressionSyntax))
            {
                continue; // a restart in a handler: the handler's guard decides
            }

            if (EditableSite(invocation) is not { } site)
            {
                return null;
            }

            (name == "Stop" ? stops : starts).Add(site);
        }

        return stops.Count == 0 ? null : (stops, starts);
    }

    /// <summary>Adds the flag to the type (once) and the assignments before the calls (nodes tracked in <paramref name="root"/>).</summary>
    public static SyntaxNode Apply(SyntaxNode root, TypeDeclarationSyntax type, IReadOnlyList<SyntaxNode> stops, IReadOnlyList<SyntaxNode> starts, SyntaxTrivia endOfLine)
    {
        foreach (var (site, value) in stops.Select(s => (s, "true")).Concat(starts.Select(s => (s, "false"))))
        {
            if (root.GetCurrentNode(site) is not { } current)
            {
                continue;
            }

            var assignment = SyntaxFactory.ParseStatement($"{FlagName} = {value};").WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
            root = current switch
            {
                ExpressionStatementSyntax { Parent: BlockSyntax } statement => root.InsertNodesBefore(statement, new[] { assignment }),
                ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax member } arrow => root.ReplaceNode(member, WithBlock(member, arrow, assignment, endOfLine)),
                _ => root,
            };
        }

        if (root.GetCurrentNode(type) is { } currentType && !currentType.Members.OfType<FieldDeclarationSyntax>().Any(f => f.Declaration.Variables.Any(v => v.Identifier.ValueText == FlagName)))
        {
            var field = SyntaxFactory.ParseMemberDeclaration($"private volatile bool {FlagName};")!
                .WithTrailingTrivia(endOfLine, endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
            root = root.ReplaceNode(currentType, currentType.WithMembers(currentType.Members.Insert(0, field)));
        }

        return root;
    }

    private static SyntaxNode? EditableSite(InvocationExpressionSyntax invocation)
    {
        var node = invocation.Parent is AwaitExpressionSyntax awaited ? (SyntaxNode)awaited : invocation;
        return node.Parent switch
        {
            ExpressionStatementSyntax { Parent: BlockSyntax } statement => statement,
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax } arrow => arrow,
            _ => null,
        };
    }

    private static SyntaxNode WithBlock(BaseMethodDeclarationSyntax member, ArrowExpressionClauseSyntax arrow, StatementSyntax assignment, SyntaxTrivia endOfLine)
    {
        var returnsValue = member is MethodDeclarationSyntax method && !(method.ReturnType is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword));
        StatementSyntax body = returnsValue
            ? SyntaxFactory.ReturnStatement(arrow.Expression.WithoutTrivia())
            : SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia());
        var block = SyntaxFactory.Block(assignment, body.WithTrailingTrivia(endOfLine))
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return member.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool IsConnection(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == ConnectionType)
            {
                return true;
            }
        }

        return false;
    }
}
