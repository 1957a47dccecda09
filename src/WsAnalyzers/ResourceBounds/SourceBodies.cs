using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// The operation trees of source methods, for the compilation-end judgement that follows a registration into the
/// methods it calls and up to the methods that call it. The operation actions hand over the semantic model of each
/// file they see (once per caller or tracked use, not per operation); a method declared in a file no action saw has no
/// body here, and the judgement then does not follow it.
/// </summary>
internal sealed class SourceBodies
{
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    // Read and filled by the one compilation-end action.
    private readonly Dictionary<ISymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);

    // The file of the last operation handed over: the actions see a type's operations one after another, so most calls
    // are for the file already kept and skip the dictionary (a stale read from another thread only costs a lookup).
    private SyntaxTree? _last;

    public void Remember(IOperation operation)
    {
        if (operation.SemanticModel is not { } model)
        {
            return;
        }

        var tree = model.SyntaxTree;
        if (ReferenceEquals(tree, _last))
        {
            return;
        }

        if (!_models.ContainsKey(tree))
        {
            _models.TryAdd(tree, model);
        }

        _last = tree;
    }

    /// <summary>The operation for <paramref name="syntax"/>, when its file was seen.</summary>
    public IOperation? OperationOf(SyntaxNode syntax, CancellationToken cancellation) =>
        _models.TryGetValue(syntax.SyntaxTree, out var model) ? model.GetOperation(syntax, cancellation) : null;

    /// <summary>The body of a method or local function declared in source with a body (a method body or local function
    /// operation), or null.</summary>
    public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellation)
    {
        method = method.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (_bodies.TryGetValue(method, out var known))
        {
            return known;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellation);
        var body = syntax is MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null } or
            LocalFunctionStatementSyntax { Body: not null } or LocalFunctionStatementSyntax { ExpressionBody: not null }
            ? OperationOf(syntax, cancellation)
            : null;
        _bodies[method] = body;
        return body;
    }
}
