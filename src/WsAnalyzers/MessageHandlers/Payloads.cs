using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Answers "does this expression depend on the received message, and how": the symbols that hold it on a handler path
/// are the handler's parameters (or, in a receive loop, the receive buffer and result), and every local computed from
/// them (<c>var text = Encoding.UTF8.GetString(buffer, 0, result.Count)</c>, a foreach variable over them, a stream they
/// are written to, an out variable of a call that reads them). A number read out of the message
/// (<c>int.Parse(text)</c>, <c>request.Rows</c>, a numeric hub-method argument) is one the peer chose, unless it is capped
/// (<c>Math.Min(n, 100)</c>); everything else computed from the message is its content or its size.
/// </summary>
internal static class Payloads
{
    private const int MaxRounds = 8;

    public static Payload Collect(WebSocketApis apis, NumberSources numbers, HandlerPath path)
    {
        var payload = new Payload(numbers);
        if (path.Kind == HandlerPathKind.Method || path.Handler.IsHandler)
        {
            var parameters = path.FunctionSymbol?.Parameters ?? default;
            if (!parameters.IsDefault)
            {
                foreach (var parameter in parameters)
                {
                    // A helper's numeric parameter may come from anywhere; a handler's is what the peer sent.
                    (path.Kind == HandlerPathKind.Handler && NumberSources.IsWideNumber(parameter.Type) ? payload.Chosen : payload.Message).Add(parameter);
                }
            }
        }

        if (path.ReceiveLoop is not null)
        {
            foreach (var descendant in path.Function.DescendantsOutsideFunctions())
            {
                if (descendant is IInvocationOperation invocation && apis.IsReceive(invocation, out _))
                {
                    AddReceived(invocation, payload.Message);
                }
            }
        }

        var flows = Flows(numbers, path.Function);
        for (var round = 0; round < MaxRounds && AddDerived(flows, payload); round++)
        {
        }

        return payload;
    }

    private static void AddReceived(IInvocationOperation receive, HashSet<ISymbol> message)
    {
        foreach (var argument in receive.Arguments)
        {
            if (argument.Parameter?.Name == "buffer")
            {
                foreach (var descendant in argument.Value.DescendantsOutsideFunctions())
                {
                    if (Symbol(descendant) is { } symbol)
                    {
                        message.Add(symbol);
                    }
                }
            }
        }

        IOperation current = receive;
        while (current.Parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } ||
               current.Parent is IPropertyReferenceOperation { Property.Name: "Result" })
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                message.Add(declarator.Symbol);
                break;
            case ISimpleAssignmentOperation assignment when Symbol(assignment.Target) is { } target:
                message.Add(target);
                break;
        }
    }

    /// <summary>Where values flow in the function: declarators and local assignments from their values, foreach
    /// variables from the collection, and the instance and out arguments of a call from its other arguments. Each flow
    /// keeps the symbols its sources read, so the fixed point below never walks an expression twice.</summary>
    private static List<Flow> Flows(NumberSources numbers, IOperation function)
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
                    Add(flows, numbers, new[] { declarator.Symbol }, initializer.Value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    Add(flows, numbers, new ISymbol[] { local.Local }, assignment.Value);
                    break;
                case IForEachLoopOperation loop:
                    Add(flows, numbers, System.Linq.Enumerable.ToArray<ISymbol>(loop.Locals), loop.Collection);
                    break;
                case IInvocationOperation invocation:
                    var targets = new List<ISymbol>();
                    var flow = new Flow(numbers.IsParse(invocation));
                    if (invocation.Instance is ILocalReferenceOperation instance)
                    {
                        targets.Add(instance.Local);
                    }

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
                            flow.AddReads(numbers, argument.Value);
                        }
                    }

                    if (targets.Count > 0 && invocation.Instance is { } read)
                    {
                        // TryGetValue(key, out var v), element.TryGetInt32(out var n): the out variable comes from the instance too.
                        flow.AddReads(numbers, read);
                    }

                    if (targets.Count > 0 && flow.Reads.Count > 0)
                    {
                        flow.Targets = targets.ToArray();
                        flows.Add(flow);
                    }

                    break;
            }
        }

        return flows;
    }

    private static void Add(List<Flow> flows, NumberSources numbers, ISymbol[] targets, IOperation source)
    {
        var flow = new Flow(parses: false);
        flow.AddReads(numbers, source);
        if (targets.Length > 0 && flow.Reads.Count > 0)
        {
            flow.Targets = targets;
            flows.Add(flow);
        }
    }

    private static bool AddDerived(List<Flow> flows, Payload payload)
    {
        var added = false;
        foreach (var flow in flows)
        {
            var (message, chosen) = (false, false);
            foreach (var symbol in flow.Reads)
            {
                message |= payload.Message.Contains(symbol);
                chosen |= payload.Chosen.Contains(symbol);
            }

            if (!message && !chosen)
            {
                continue;
            }

            foreach (var target in flow.Targets)
            {
                if (payload.Contains(target))
                {
                    continue;
                }

                // A number read out of the message, or computed from such numbers, is chosen by the peer unless capped;
                // anything computed from the message alone (or from its size) is message.
                var isChosen = NumberSources.IsWideNumber(Type(target))
                    ? (chosen || flow.ReadsNumberOf(payload.Message)) && !flow.Caps
                    : chosen && !message;
                added |= (isChosen ? payload.Chosen : payload.Message).Add(target);
            }
        }

        return added;
    }

    private static ITypeSymbol? Type(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    /// <summary>A value flowing into <see cref="Targets"/> from what its source reads.</summary>
    private sealed class Flow
    {
        public Flow(bool parses)
        {
            Parses = parses;
        }

        public ISymbol[] Targets { get; set; } = System.Array.Empty<ISymbol>();

        public List<ISymbol> Reads { get; } = new();

        /// <summary>The flow itself reads a number out of everything it reads (<c>int.TryParse(text, out var n)</c>).</summary>
        public bool Parses { get; }

        /// <summary>The symbols the source reads a number out of: passed to a parse, or the instance of a numeric member
        /// that is not a size (<c>request.Rows</c>).</summary>
        public List<ISymbol> NumberReads { get; } = new();

        /// <summary>The source caps what it computes (<c>Math.Min</c>, <c>Math.Clamp</c>).</summary>
        public bool Caps { get; private set; }

        public bool ReadsNumberOf(HashSet<ISymbol> message)
        {
            foreach (var symbol in Parses ? Reads : NumberReads)
            {
                if (message.Contains(symbol))
                {
                    return true;
                }
            }

            return false;
        }

        public void AddReads(NumberSources numbers, IOperation source)
        {
            foreach (var descendant in source.DescendantsOutsideFunctions())
            {
                if (Symbol(descendant) is { } symbol)
                {
                    Reads.Add(symbol);
                }

                switch (descendant.Kind)
                {
                    case OperationKind.Invocation or OperationKind.Conversion:
                        Caps |= numbers.IsCap(descendant);
                        if (numbers.IsParse(descendant))
                        {
                            foreach (var parsed in descendant.DescendantsOutsideFunctions())
                            {
                                if (Symbol(parsed) is { } read)
                                {
                                    NumberReads.Add(read);
                                }
                            }
                        }

                        break;
                    case OperationKind.PropertyReference or OperationKind.FieldReference:
                        var member = (IMemberReferenceOperation)descendant;
                        if (member.Instance is { } instance && Symbol(instance) is { } owner && !NumberSources.IsSize(member) &&
                            NumberSources.IsWideNumber(member.Type) && member is not IPropertyReferenceOperation { Property.IsIndexer: true })
                        {
                            NumberReads.Add(owner);
                        }

                        break;
                }
            }
        }
    }

    /// <summary>The local, parameter or field an operation names (after conversions), or a declared out variable.</summary>
    internal static ISymbol? Symbol(IOperation operation) =>
        operation.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
            _ => null,
        };
}
