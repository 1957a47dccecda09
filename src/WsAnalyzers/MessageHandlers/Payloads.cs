using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Answers "does this expression depend on the received message": the symbols that hold it on a handler path are the
/// handler's parameters (or, in a receive loop, the receive buffer and result), and every local computed from them
/// (<c>var text = Encoding.UTF8.GetString(buffer, 0, result.Count)</c>, a foreach variable over them, a stream they are
/// written to, an out variable of a call that reads them).
/// </summary>
internal static class Payloads
{
    private const int MaxRounds = 8;

    public static HashSet<ISymbol> Collect(WebSocketApis apis, HandlerPath path)
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

        var flows = Flows(path.Function);
        for (var round = 0; round < MaxRounds && AddDerived(flows, payload); round++)
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

    /// <summary>Where values flow in the function: declarators and local assignments from their values, foreach
    /// variables from the collection, and the instance and out arguments of a call from its other arguments. Each flow
    /// keeps the symbols its sources read, so the fixed point below never walks an expression twice.</summary>
    private static List<Flow> Flows(IOperation function)
    {
        var flows = new List<Flow>();
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            // Only these kinds make a flow: the kind is one virtual call, the patterns below four interface casts.
            if (descendant.Kind is not (OperationKind.VariableDeclarator or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or
                OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment or OperationKind.Loop or OperationKind.Invocation))
            {
                continue;
            }

            switch (descendant)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(flows, new[] { declarator.Symbol }, initializer.Value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    Add(flows, new ISymbol[] { local.Local }, assignment.Value);
                    break;
                case IForEachLoopOperation loop:
                    Add(flows, System.Linq.Enumerable.ToArray<ISymbol>(loop.Locals), loop.Collection);
                    break;
                case IInvocationOperation invocation:
                    var targets = new List<ISymbol>();
                    if (invocation.Instance is ILocalReferenceOperation instance)
                    {
                        targets.Add(instance.Local);
                    }

                    var read = new List<ISymbol>();
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.RefKind == RefKind.Out)
                        {
                            if (Symbol(argument.Value) is { } output)
                            {
                                targets.Add(output);
                            }
                        }
                        else
                        {
                            AddReads(argument.Value, read);
                        }
                    }

                    if (targets.Count > 0 && read.Count > 0)
                    {
                        flows.Add(new Flow(targets.ToArray(), read));
                    }

                    break;
            }
        }

        return flows;
    }

    private static void Add(List<Flow> flows, ISymbol[] targets, IOperation source)
    {
        var read = new List<ISymbol>();
        AddReads(source, read);
        if (targets.Length > 0 && read.Count > 0)
        {
            flows.Add(new Flow(targets, read));
        }
    }

    private static void AddReads(IOperation operation, List<ISymbol> read)
    {
        foreach (var descendant in operation.DescendantsOutsideFunctions())
        {
            if (Symbol(descendant) is { } symbol)
            {
                read.Add(symbol);
            }
        }
    }

    private static bool AddDerived(List<Flow> flows, HashSet<ISymbol> payload)
    {
        var added = false;
        foreach (var flow in flows)
        {
            foreach (var symbol in flow.Reads)
            {
                if (payload.Contains(symbol))
                {
                    foreach (var target in flow.Targets)
                    {
                        added |= payload.Add(target);
                    }

                    break;
                }
            }
        }

        return added;
    }

    private sealed class Flow
    {
        public Flow(ISymbol[] targets, List<ISymbol> reads)
        {
            Targets = targets;
            Reads = reads;
        }

        public ISymbol[] Targets { get; }

        public List<ISymbol> Reads { get; }
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
