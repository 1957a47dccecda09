using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "is every call of this private send helper guarded": a private, non-virtual method of a type declared in
/// one file, sending on a member of its own instance (<c>_client</c>), whose every use in that type is a call inside a
/// state check of that member, right after it was connected, or inside a try that handles the failure. One level of
/// callers only, and no use as a method group (a delegate can be called from anywhere).
/// </summary>
internal static class GuardedCallers
{
    public static bool AllCallsGuarded(WebSocketApis apis, IInvocationOperation send, IOperation socket, ISymbol containingSymbol, INamedTypeSymbol? thrown, CancellationToken cancellation)
    {
        if (containingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsVirtual: false, IsOverride: false, IsAbstract: false } method ||
            send.EnclosingFunction() is not { Parent: null } || !IsOwnMember(socket) || send.SemanticModel is not { } model ||
            method.ContainingType is not { DeclaringSyntaxReferences.Length: 1 } type || type.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        var calls = 0;
        var declaration = type.DeclaringSyntaxReferences[0].GetSyntax(cancellation);
        foreach (var node in NamesOf(declaration, method.Name))
        {
            if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != method.Name)
            {
                continue;
            }

            SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
            {
                if (model.GetOperation(invocation, cancellation) is not IInvocationOperation call ||
                    !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method))
                {
                    continue;
                }

                if (!IsGuarded(apis, call, socket, thrown))
                {
                    return false;
                }

                calls++;
            }
            else if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellation).Symbol?.OriginalDefinition, method))
            {
                return false;
            }
        }

        return calls > 0;
    }

    /// <summary>The nodes to look at for uses of <paramref name="name"/>: the parents of the identifiers that spell it, found
    /// in the declaration's text, or every node when an identifier may be spelled otherwise.</summary>
    private static IEnumerable<SyntaxNode> NamesOf(SyntaxNode declaration, string name)
    {
        if (TypeInvocations.Identifiers(declaration, name) is not { } identifiers)
        {
            return declaration.DescendantNodes();
        }

        var names = new List<SyntaxNode>(identifiers.Count);
        foreach (var identifier in identifiers)
        {
            if (identifier.Parent is { } parent)
            {
                names.Add(parent);
            }
        }

        return names;
    }

    private static bool IsGuarded(WebSocketApis apis, IInvocationOperation call, IOperation socket, INamedTypeSymbol? thrown) =>
        StateChecks.IsGuardedByStateCheck(apis, call, socket) || ExceptionHandling.IsHandled(apis, call, thrown) ||
        SocketHistory.FollowsReceiveConnectOrAccept(apis, call, socket);

    /// <summary>A field or property of the sending instance (or a static one), possibly through other members of it.</summary>
    private static bool IsOwnMember(IOperation socket)
    {
        for (var current = socket.WithoutConversions(); ; )
        {
            switch (current)
            {
                case IFieldReferenceOperation field:
                    if (field.Instance is null)
                    {
                        return true;
                    }

                    current = field.Instance.WithoutConversions();
                    break;
                case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                    if (property.Instance is null)
                    {
                        return true;
                    }

                    current = property.Instance.WithoutConversions();
                    break;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return current != socket.WithoutConversions();
                default:
                    return false;
            }
        }
    }
}
