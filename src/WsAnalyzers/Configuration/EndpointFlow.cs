using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Configuration;

/// <summary>
/// Follows a URL value (a literal, or the concatenation or interpolation it starts) to where it is used: a
/// <c>new Uri(...)</c>, a WebSocket client constructor or SignalR's <c>WithUrl</c> (an endpoint), a WebSocket server's
/// constructor (a bind address), or nothing recognised. It goes through locals, fields, properties and parameters
/// declared in the same file, and into methods of the same file the value is passed to, at most <see cref="MaxHops"/>
/// symbols deep.
/// </summary>
internal static class EndpointFlow
{
    private const int MaxHops = 3;

    public static EndpointUse UseOf(WebSocketApis apis, IOperation value) =>
        UseOf(apis, value, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    private static EndpointUse UseOf(WebSocketApis apis, IOperation value, int hops, HashSet<ISymbol> visited)
    {
        var current = value;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or ICoalesceOperation or ISwitchExpressionOperation:
                case IConditionalOperation conditional when conditional.Condition != current:
                case ISwitchExpressionArmOperation arm when arm.Value == current:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.LeftOperand == current:
                    current = parent;
                    continue;
                case IArgumentOperation argument:
                    return ArgumentUse(apis, argument, hops, visited);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return SymbolUse(apis, declarator.Symbol, current, hops, visited);
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    return SymbolUse(apis, field.InitializedFields[0], current, hops, visited);
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    return SymbolUse(apis, property.InitializedProperties[0], current, hops, visited);
                case IParameterInitializerOperation parameter:
                    return SymbolUse(apis, parameter.Parameter, current, hops, visited);
                case ISimpleAssignmentOperation assignment when assignment.Value == current && assignment.Target.ReferencedSymbol() is { } target:
                    return SymbolUse(apis, target, current, hops, visited);
                default:
                    return EndpointUse.None;
            }
        }

        return EndpointUse.None;
    }

    private static EndpointUse ArgumentUse(WebSocketApis apis, IArgumentOperation argument, int hops, HashSet<ISymbol> visited)
    {
        var types = apis.Configuration;
        switch (argument.Parent)
        {
            case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol created:
                if (created.IsType(types.Uri) || created.IsType(types.UriBuilder) || created.IsOrInheritsFrom(apis.SharpWebSocket))
                {
                    return EndpointUse.Client;
                }

                if (created.IsOrInheritsFrom(apis.FleckServer) || created.IsOrInheritsFrom(types.SharpWebSocketServer) || created.IsOrInheritsFrom(types.SharpHttpServer))
                {
                    return EndpointUse.ServerBind;
                }

                return argument.Parameter is { } constructorParameter && creation.Constructor is { } constructor
                    ? IntoMethod(apis, constructor, constructorParameter, creation, hops, visited)
                    : EndpointUse.None;
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if ((method.Name == "TryCreate" && method.ContainingType.IsType(types.Uri)) ||
                    (method.Name == "WithUrl" && method.ContainingType.IsType(types.HubConnectionBuilderHttpExtensions)))
                {
                    return EndpointUse.Client;
                }

                return argument.Parameter is { } parameter ? IntoMethod(apis, method, parameter, invocation, hops, visited) : EndpointUse.None;
            default:
                return EndpointUse.None;
        }
    }

    /// <summary>Where a method of the same file does with the parameter the value was passed to.</summary>
    private static EndpointUse IntoMethod(WebSocketApis apis, IMethodSymbol method, IParameterSymbol parameter, IOperation call, int hops, HashSet<ISymbol> visited)
    {
        if (hops >= MaxHops || call.SemanticModel is not { } model || !visited.Add(parameter.OriginalDefinition))
        {
            return EndpointUse.None;
        }

        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declaration = reference.GetSyntax();
            if (declaration is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax && model.GetOperation(declaration) is { } body)
            {
                return ReferencesUse(apis, body, parameter.OriginalDefinition, hops + 1, visited);
            }
        }

        return EndpointUse.None;
    }

    /// <summary>Where the local, field, property or parameter <paramref name="symbol"/> that holds the value is used.</summary>
    private static EndpointUse SymbolUse(WebSocketApis apis, ISymbol symbol, IOperation value, int hops, HashSet<ISymbol> visited)
    {
        if (hops >= MaxHops || !visited.Add(symbol.OriginalDefinition))
        {
            return EndpointUse.None;
        }

        switch (symbol)
        {
            case ILocalSymbol:
                return ReferencesUse(apis, Root(value), symbol, hops + 1, visited);
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter:
                return IntoMethodBody(apis, method, parameter, value, hops, visited);
            case IFieldSymbol or IPropertySymbol when value.SemanticModel is { } model:
                var best = EndpointUse.None;
                foreach (var reference in symbol.ContainingType.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != model.SyntaxTree)
                    {
                        continue;
                    }

                    foreach (var node in reference.GetSyntax().DescendantNodes())
                    {
                        if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == symbol.Name &&
                            model.GetOperation(AccessOf(identifier)) is { } referenceOperation && referenceOperation.ReferencedSymbol() is { } referenced &&
                            SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, symbol.OriginalDefinition))
                        {
                            best = Stronger(best, UseOf(apis, referenceOperation, hops + 1, visited));
                            if (best == EndpointUse.Client)
                            {
                                return best;
                            }
                        }
                    }
                }

                return best;
            default:
                return EndpointUse.None;
        }
    }

    private static EndpointUse IntoMethodBody(WebSocketApis apis, IMethodSymbol method, IParameterSymbol parameter, IOperation value, int hops, HashSet<ISymbol> visited)
    {
        for (var current = value; current is not null; current = current.Parent)
        {
            if (current is IMethodBodyOperation or ILocalFunctionOperation or IConstructorBodyOperation)
            {
                return ReferencesUse(apis, current, parameter, hops + 1, visited);
            }
        }

        // A default parameter value is not under the body in the operation tree: bind the body on its own.
        return IntoMethod(apis, method, parameter, value, hops, new HashSet<ISymbol>(SymbolEqualityComparer.Default));
    }

    private static EndpointUse ReferencesUse(WebSocketApis apis, IOperation scope, ISymbol symbol, int hops, HashSet<ISymbol> visited)
    {
        var best = EndpointUse.None;
        foreach (var operation in scope.DescendantsAndSelfIncludingFunctions())
        {
            if (operation.Kind is OperationKind.LocalReference or OperationKind.ParameterReference &&
                operation.ReferencedSymbol() is { } referenced &&
                SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, symbol.OriginalDefinition))
            {
                best = Stronger(best, UseOf(apis, operation, hops, visited));
                if (best == EndpointUse.Client)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>The expression that binds to the member reference: <c>Type.Name</c> or <c>this.Name</c> for a qualified name.</summary>
    private static ExpressionSyntax AccessOf(IdentifierNameSyntax identifier) =>
        identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;

    private static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    private static EndpointUse Stronger(EndpointUse a, EndpointUse b) => a > b ? a : b;
}
