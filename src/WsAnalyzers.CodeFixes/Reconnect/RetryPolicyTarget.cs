using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using static WsAnalyzers.CodeFixes.Reconnect.ReconnectBackoffCodeFixProvider;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>A WS1002 delay returned by a SignalR <c>IRetryPolicy.NextRetryDelay</c>: the fix makes every delay the method
/// returns the same backoff as the reconnect fix, computed from <c>RetryContext.PreviousRetryCount</c> (the policy still
/// never gives up, but its clients spread out and back off).</summary>
internal sealed class RetryPolicyTarget
{
    private RetryPolicyTarget(MethodDeclarationSyntax method, TypeDeclarationSyntax type, string retryContext, bool hasHelper)
    {
        Method = method;
        Type = type;
        RetryContext = retryContext;
        HasHelper = hasHelper;
    }

    /// <summary>NextRetryDelay, whose returned delays (the rule reports only a method none of whose returns gives up) all
    /// become the backoff.</summary>
    public MethodDeclarationSyntax Method { get; }

    public TypeDeclarationSyntax Type { get; }

    /// <summary>The name of NextRetryDelay's RetryContext parameter.</summary>
    public string RetryContext { get; }

    public bool HasHelper { get; }

    public static RetryPolicyTarget? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id != RuleIdentifiers.ReconnectWithoutBackoff || diagnostic.Properties.ContainsKey(ReconnectDiagnostics.PathKindProperty) ||
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression ||
            expression.Parent is not (ReturnStatementSyntax or ArrowExpressionClauseSyntax) ||
            expression.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method ||
            model.GetDeclaredSymbol(method, cancellationToken) is not { Name: "NextRetryDelay" or "Microsoft.AspNetCore.SignalR.Client.IRetryPolicy.NextRetryDelay" } symbol ||
            symbol.Parameters.FirstOrDefault(p => p.Type.ToDisplayString() == "Microsoft.AspNetCore.SignalR.Client.RetryContext") is not { } context ||
            method.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type ||
            model.GetDeclaredSymbol(type, cancellationToken) is not { } typeSymbol)
        {
            return null;
        }

        var helper = typeSymbol.GetMembers(DelayMethod);
        var hasHelper = helper.Length > 0;
        if ((hasHelper && !(helper[0] is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } && typeSymbol.GetMembers(Jitter).Length > 0)) ||
            (!hasHelper && typeSymbol.GetMembers(Jitter).Length > 0))
        {
            return null;
        }

        return new RetryPolicyTarget(method, type, context.Name, hasHelper);
    }

    public SyntaxNode Rewrite(SyntaxNode root, MethodDeclarationSyntax current, SemanticModel model)
    {
        var math = TypeName(model, Method.SpanStart, "System", "Math");
        var returned = current.DescendantNodes().OfType<ExpressionSyntax>()
            .Where(e => e.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax } && e.FirstAncestorOrSelf<MethodDeclarationSyntax>() == current &&
                        !e.Ancestors().TakeWhile(a => a != current).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
        return root.ReplaceNode(current, current.ReplaceNodes(returned, (_, expression) =>
            SyntaxFactory.ParseExpression($"{DelayMethod}((int){math}.Min({RetryContext}.PreviousRetryCount, 16))")
                .WithTriviaFrom(expression)
                .WithAdditionalAnnotations(Formatter.Annotation)));
    }
}
