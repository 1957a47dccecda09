using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace WsAnalyzers.CodeFixes.MessageHandlers;

/// <summary>Syntax helpers shared by the fixes that introduce awaits.</summary>
internal static class AsyncSyntax
{
    /// <summary><c>System.Threading.Tasks.Task.{name}</c>, simplified against the file's usings (a using is added where
    /// the file has none: <see cref="AddImportsAsync"/>).</summary>
    public static MemberAccessExpressionSyntax TaskMember(string name) => Member("global::System.Threading.Tasks.Task", name);

    /// <summary><c>{type}.{name}</c> for a fully qualified <paramref name="type"/>, simplified and imported like <see cref="TaskMember"/>.</summary>
    public static MemberAccessExpressionSyntax Member(string type, string name) =>
        SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                Imported(SyntaxFactory.ParseTypeName(type)),
                SyntaxFactory.IdentifierName(name))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>Adds the usings the fully qualified names this class wrote need, so that they simplify to short names.</summary>
    public static Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken) =>
        ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

    private static TypeSyntax Imported(TypeSyntax type) => type.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>Adds the async modifier to a lambda or anonymous method (keeps its leading trivia in front).</summary>
    public static AnonymousFunctionExpressionSyntax MakeAsync(AnonymousFunctionExpressionSyntax function)
    {
        if (function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
        {
            return function;
        }

        var leading = function.GetLeadingTrivia();
        var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        return function.WithoutLeadingTrivia().WithAsyncKeyword(asyncKeyword).WithLeadingTrivia(leading);
    }

    /// <summary>Makes a method <c>async</c> and wraps its return type in a Task: <c>void</c> → <c>Task</c>, <c>T</c> → <c>Task&lt;T&gt;</c>.</summary>
    public static MethodDeclarationSyntax MakeAsyncTask(MethodDeclarationSyntax method)
    {
        var task = SyntaxFactory.ParseTypeName("global::System.Threading.Tasks.Task");
        var returnType = Imported(method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            ? task
            : SyntaxFactory.ParseTypeName("global::System.Threading.Tasks.Task<" + method.ReturnType.WithoutTrivia().ToString() + ">"));
        var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        return method
            .WithReturnType(returnType.WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(method.ReturnType))
            .AddModifiers(asyncKeyword);
    }
}
