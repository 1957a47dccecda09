using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// Answers "does this expression depend on the received message": the symbols that hold it on a handler path are the
/// handler's parameters (or, in a receive loop, the receive buffer and result), and every local computed from them
/// (<c>var text = Encoding.UTF8.GetString(buffer, 0, result.Count)</c>, a foreach variable over them, a stream they are
/// written to, an out variable of a call that reads them).
/// </summary>
internal static class Payloads
{
    private const int MaxRounds = 8;

    public static HashSet<ISymbol> Collect(this WebSocketApis apis, HandlerPath path)
    {
        var payload = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (path.Kind == HandlerPathKind.Method || path.Handler.IsHandler)
        {
            var parameters = path.Function is IAnonymousFunctionOperation lambda ? lambda.Symbol.Parameters : path.Method?.Parameters ?? default;
            if (!parameters.IsDefault)
            {
                payload.UnionWith(parameters);
            }
        }

        if (path.ReceiveLoop is not null)
        {
            foreach (var descendant in path.Function.DescendantsOutsideFunctions())
            {
                if (descendant is IInvocationOperation invocation && apis.IsReceive(invocation, out _))
                {
                    AddReceived(invocation, payload);
                }
            }
        }

        for (var round = 0; round < MaxRounds && AddDerived(path.Function, payload); round++)
        {
        }

        return payload;
    }

    /// <summary>True when <paramref name="operation"/> reads one of <paramref name="payload"/>.</summary>
    public static bool References(IOperation? operation, HashSet<ISymbol> payload)
    {
        if (operation is null || payload.Count == 0)
        {
            return false;
        }

        foreach (var descendant in operation.DescendantsOutsideFunctions())
        {
            if (Symbol(descendant) is { } symbol && payload.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddReceived(IInvocationOperation receive, HashSet<ISymbol> payload)
    {
        foreach (var argument in receive.Arguments)
        {
            if (argument.Parameter?.Name == "buffer")
            {
                foreach (var descendant in argument.Value.DescendantsOutsideFunctions())
                {
                    if (Symbol(descendant) is { } symbol)
                    {
                        payload.Add(symbol);
                    }
                }
            }
        }

        IOperation current = receive;
        while (current.Parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                payload.Add(declarator.Symbol);
                break;
            case ISimpleAssignmentOperation assignment when Symbol(assignment.Target) is { } target:
                payload.Add(target);
                break;
        }
    }

    private static bool AddDerived(IOperation function, HashSet<ISymbol> payload)
    {
        var added = false;
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when References(initializer.Value, payload):
                    added |= payload.Add(declarator.Symbol);
                    break;
                case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation local && References(assignment.Value, payload):
                    added |= payload.Add(local.Local);
                    break;
                case IForEachLoopOperation loop when References(loop.Collection, payload):
                    foreach (var iteration in loop.Locals)
                    {
                        added |= payload.Add(iteration);
                    }

                    break;
                case IInvocationOperation invocation when AnyArgumentReferences(invocation, payload):
                    if (invocation.Instance is ILocalReferenceOperation instance)
                    {
                        added |= payload.Add(instance.Local);
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.RefKind == RefKind.Out && Symbol(argument.Value) is { } output)
                        {
                            added |= payload.Add(output);
                        }
                    }

                    break;
            }
        }

        return added;
    }

    private static bool AnyArgumentReferences(IInvocationOperation invocation, HashSet<ISymbol> payload)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind != RefKind.Out && References(argument.Value, payload))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? Symbol(IOperation operation) =>
        operation.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
            _ => null,
        };
}
