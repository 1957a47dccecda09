using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>
/// The statement that undoes a registration, written from the add's own syntax: <c>Remove(key)</c>, <c>TryRemove(key,
/// out _)</c> for a ConcurrentDictionary, a rotation that drops one element for a <c>Queue&lt;T&gt;</c>, or a removal by
/// value (<c>Users[name] = Context.ConnectionId</c> is undone by removing the entries whose value is the connection id),
/// under the same lock as the add.
/// </summary>
internal static class RemovalStatements
{
    /// <summary>The collection, the key or element, and (dictionaries) the value of an add.</summary>
    public static (ExpressionSyntax? Receiver, ExpressionSyntax? Key, ExpressionSyntax? Value) Parts(ExpressionSyntax add) => add switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            when invocation.ArgumentList.Arguments.Count > 0 &&
                 access.Name.Identifier.ValueText is "Add" or "TryAdd" or "AddOrUpdate" or "GetOrAdd" or "AddLast" or "AddFirst" or "Enqueue" or "Push" =>
            (access.Expression, invocation.ArgumentList.Arguments[0].Expression,
             invocation.ArgumentList.Arguments.Count > 1 ? invocation.ArgumentList.Arguments[1].Expression : null),
        AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } assignment when element.ArgumentList.Arguments.Count == 1 =>
            (element.Expression, element.ArgumentList.Arguments[0].Expression, assignment.Right),
        _ => (null, null, null),
    };

    /// <summary>How a collection of this type gives up one given key or element, or null when it cannot (a ConcurrentBag
    /// cannot: the WS2001 fix first turns it into a ConcurrentDictionary, <see cref="BagToDictionary"/>).</summary>
    public static string? RemovalMethod(ITypeSymbol? type)
    {
        if (type?.OriginalDefinition is not INamedTypeSymbol definition)
        {
            return null;
        }

        return (definition.ContainingNamespace?.ToDisplayString(), definition.MetadataName) switch
        {
            ("System.Collections.Concurrent", "ConcurrentDictionary`2") => "TryRemove",
            ("System.Collections.Generic", "Dictionary`2" or "SortedDictionary`2" or "IDictionary`2" or "List`1" or "HashSet`1" or
                "SortedSet`1" or "LinkedList`1" or "ICollection`1" or "IList`1" or "ISet`1") => "Remove",
            ("System.Collections.Generic", "Queue`1") => "Rotate",
            _ => null,
        };
    }

    /// <summary>True for a dictionary type (a removal by value applies).</summary>
    public static bool IsDictionary(ITypeSymbol? type) =>
        type?.OriginalDefinition is INamedTypeSymbol definition &&
        (definition.ContainingNamespace?.ToDisplayString(), definition.MetadataName) is
            ("System.Collections.Concurrent", "ConcurrentDictionary`2") or
            ("System.Collections.Generic", "Dictionary`2" or "SortedDictionary`2" or "IDictionary`2");

    /// <summary>The removal of <paramref name="key"/> from <paramref name="receiver"/> (both as source text).</summary>
    public static StatementSyntax? ByKey(string method, string receiver, string key, SemanticModel model, int position) => method switch
    {
        "TryRemove" => SyntaxFactory.ParseStatement($"{receiver}.TryRemove({key}, out _);"),
        "Remove" => SyntaxFactory.ParseStatement($"{receiver}.Remove({key});"),
        "Rotate" => Rotation(receiver, key, model, position),
        _ => null,
    };

    /// <summary>Removes the entries whose value is <paramref name="value"/>: the key they were added under is not in scope.</summary>
    public static StatementSyntax ByValue(string receiver, string value, bool concurrent, SemanticModel model, int position)
    {
        var entry = UniqueName(model, position, "entry");
        var removal = concurrent ? $"{receiver}.TryRemove({entry}.Key, out _);" : $"{receiver}.Remove({entry}.Key);";
        return SyntaxFactory.ParseStatement(
            $"foreach (var {entry} in global::System.Linq.Enumerable.ToList({receiver}))\n{{\nif (object.Equals({entry}.Value, {value}))\n{{\n{removal}\n}}\n}}");
    }

    /// <summary>A queue gives up one element by going round once: every other element is queued again, in order.</summary>
    private static StatementSyntax Rotation(string queue, string element, SemanticModel model, int position)
    {
        var counter = UniqueName(model, position, "remaining");
        var queued = UniqueName(model, position, "queued");
        return SyntaxFactory.ParseStatement(
            $"for (var {counter} = {queue}.Count; {counter} > 0; {counter}--)\n{{\nvar {queued} = {queue}.Dequeue();\n" +
            $"if (!object.Equals({queued}, {element}))\n{{\n{queue}.Enqueue({queued});\n}}\n}}");
    }

    /// <summary><c>lock (gate) { removal }</c>.</summary>
    public static StatementSyntax UnderLock(string gate, StatementSyntax removal) =>
        SyntaxFactory.ParseStatement($"lock ({gate})\n{{\n{removal.WithoutTrivia().ToFullString()}\n}}");

    /// <summary>The expression of the lock statement (with a block of that one statement, or as its embedded statement)
    /// that <paramref name="statement"/> is the body of.</summary>
    public static LockStatementSyntax? EnclosingLock(StatementSyntax statement) => statement.Parent switch
    {
        LockStatementSyntax @lock => @lock,
        BlockSyntax { Statements.Count: 1, Parent: LockStatementSyntax @lock } => @lock,
        _ => null,
    };

    /// <summary>A side-effect-free chain of names (<c>_sockets</c>, <c>this.Users</c>, <c>Context.ConnectionId</c>).</summary>
    public static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsStable(access.Expression),
        _ => false,
    };

    /// <summary><paramref name="stem"/>, or <paramref name="stem"/> with a number, that names nothing visible at
    /// <paramref name="position"/> or declared in the member around it.</summary>
    public static string UniqueName(SemanticModel model, int position, string stem)
    {
        var taken = new HashSet<string>(model.LookupSymbols(position).Select(symbol => symbol.Name));
        var member = model.SyntaxTree.GetRoot().FindToken(position).Parent?.AncestorsAndSelf()
            .FirstOrDefault(node => node is MemberDeclarationSyntax or CompilationUnitSyntax);
        if (member is not null)
        {
            foreach (var node in member.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax declarator:
                        taken.Add(declarator.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        taken.Add(designation.Identifier.ValueText);
                        break;
                    case ForEachStatementSyntax loop:
                        taken.Add(loop.Identifier.ValueText);
                        break;
                    case ParameterSyntax parameter:
                        taken.Add(parameter.Identifier.ValueText);
                        break;
                }
            }
        }

        var name = stem;
        for (var i = 2; taken.Contains(name); i++)
        {
            name = stem + i;
        }

        return name;
    }

    /// <summary>The names of the locals and parameters <paramref name="node"/> refers to.</summary>
    public static IEnumerable<ISymbol> LocalsAndParameters(SemanticModel model, SyntaxNode? node, CancellationToken cancellationToken)
    {
        if (node is null)
        {
            yield break;
        }

        foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol && symbol is ILocalSymbol or IParameterSymbol)
            {
                yield return symbol;
            }
        }
    }
}
