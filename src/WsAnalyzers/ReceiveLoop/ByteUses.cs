using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// WS5003's question: are the bytes one receive wrote used as a message? A use is a decode (<c>Encoding.GetString</c>),
/// or handing the bytes (through wrappers such as <c>new ArraySegment&lt;byte&gt;(buffer, 0, n)</c>) to a deserialiser,
/// a handler, a delegate or a send. Appending them to a stream, builder or list, copying them, or decoding them straight
/// into such an accumulator is gathering, not use. A call that is also handed the receive result may check EndOfMessage
/// itself: it counts only when it is a same-type helper that does not. A use belongs to the receive whose bytes it sees:
/// the last receive into the same buffer before it, or, inside a loop, the last receive of the previous iteration.
/// </summary>
internal static class ByteUses
{
    private const int AliasRounds = 3;

    public static MessageUse WholeMessageUse(WebSocketApis apis, ReceiveFunction function, ReceiveSite receive)
    {
        if (receive.Buffers.IsEmpty)
        {
            return MessageUse.None;
        }

        var symbols = new List<ISymbol>(receive.Buffers);
        var sameBuffer = new List<ReceiveSite>();
        foreach (var other in function.Receives)
        {
            if (SharesBuffer(other, receive))
            {
                sameBuffer.Add(other);
            }
        }

        for (var round = 0; round < AliasRounds; round++)
        {
            var known = symbols.Count;
            // The reads of the function in walk order (lambdas included): the walk looked only at these.
            foreach (var operation in function.References)
            {
                if (!IsReferenceTo(operation, symbols) || InsideReceive(operation, sameBuffer))
                {
                    continue;
                }

                var use = Classify(apis, operation, receive, out var alias);
                if (alias is not null && !ReceiveSite.Contains(symbols, alias))
                {
                    symbols.Add(alias);
                }
                else if (use != MessageUse.None && Owns(receive, operation, sameBuffer))
                {
                    return use;
                }
            }

            if (symbols.Count == known)
            {
                break;
            }
        }

        return MessageUse.None;
    }

    private static bool SharesBuffer(ReceiveSite a, ReceiveSite b)
    {
        foreach (var symbol in a.Buffers)
        {
            if (ReceiveSite.Contains(b.Buffers, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReferenceTo(IOperation operation, List<ISymbol> symbols)
    {
        ISymbol? symbol = operation.Kind switch
        {
            OperationKind.LocalReference => ((ILocalReferenceOperation)operation).Local,
            OperationKind.ParameterReference => ((IParameterReferenceOperation)operation).Parameter,
            OperationKind.FieldReference => ((IFieldReferenceOperation)operation).Field,
            OperationKind.PropertyReference => ((IPropertyReferenceOperation)operation).Property,
            _ => null,
        };
        return symbol is not null && ReceiveSite.Contains(symbols, symbol);
    }

    private static bool InsideReceive(IOperation operation, List<ReceiveSite> receives)
    {
        var position = operation.Syntax.SpanStart;
        foreach (var receive in receives)
        {
            if (receive.Invocation.Syntax.Span.Contains(position))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the code does with the bytes <paramref name="reference"/> names, looking through wrappers; a local
    /// that only holds a view of them is returned as <paramref name="alias"/>.</summary>
    private static MessageUse Classify(WebSocketApis apis, IOperation reference, ReceiveSite receive, out ILocalSymbol? alias)
    {
        alias = null;
        var current = reference;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    current = parent;
                    continue;
                case IPropertyReferenceOperation property when property.Instance == current && ByteWrappers.IsViewProperty(property):
                    current = parent;
                    continue;
                case IImplicitIndexerReferenceOperation indexer when indexer.Instance == current && ByteWrappers.IsRangeOfWrapper(indexer):
                    current = parent;
                    continue;
                case IInvocationOperation invocation when invocation.Instance == current:
                    if (ByteWrappers.IsWrapperCall(invocation))
                    {
                        current = parent;
                        continue;
                    }

                    return MessageUse.None;
                case IArgumentOperation argument:
                    switch (argument.Parent)
                    {
                        case IObjectCreationOperation creation when ByteWrappers.IsWrapperType(creation.Type):
                            current = creation;
                            continue;
                        case IObjectCreationOperation:
                            return MessageUse.Dispatched;
                        case IInvocationOperation invocation when ByteWrappers.IsWrapperCall(invocation) && ByteWrappers.Wrapped(invocation) == argument.Value:
                            current = invocation;
                            continue;
                        case IInvocationOperation invocation when !ByteWrappers.IsWrapperCall(invocation):
                            return UseOf(apis, invocation, receive);
                        default:
                            return MessageUse.None;
                    }

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    alias = declarator.Symbol;
                    return MessageUse.None;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current:
                    alias = local.Local;
                    return MessageUse.None;
            }

            return MessageUse.None;
        }

        return MessageUse.None;
    }

    private static MessageUse UseOf(WebSocketApis apis, IInvocationOperation invocation, ReceiveSite receive)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ReceiveAsync" && apis.IsReceive(invocation, out _))
        {
            return MessageUse.None;
        }

        var type = method.ContainingType;
        if (type.IsOrInheritsFrom(apis.Messages.Encoding))
        {
            return method.Name is "GetString" or "GetChars" && !IsGathered(apis, invocation) ? MessageUse.Decoded : MessageUse.None;
        }

        if (Accumulators.IsGatheringOrCopying(apis, method))
        {
            return MessageUse.None;
        }

        if (PassesResult(invocation, receive))
        {
            // The callee sees the result too: it can check EndOfMessage itself.
            return SameTypeBodies.Of(invocation) is { } body && !ReceiveFunction.ReadsEndOfMessageIn(apis, body)
                ? MessageUse.Dispatched
                : MessageUse.None;
        }

        return method.Name.StartsWith("Deserialize", StringComparison.Ordinal) || method.Name.StartsWith("Parse", StringComparison.Ordinal)
            ? MessageUse.Deserialised
            : MessageUse.Dispatched;
    }

    /// <summary>A decode whose text goes straight into an accumulator (<c>sb.Append(Encoding.UTF8.GetString(...))</c>,
    /// <c>text += Encoding.UTF8.GetString(...)</c>): the text is gathered, not used.</summary>
    private static bool IsGathered(WebSocketApis apis, IInvocationOperation decode)
    {
        IOperation current = decode;
        while (current.Parent is IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "TrimEnd" or "Trim" or "Replace" } trim && trim.Instance == current)
        {
            current = current.Parent!;
        }

        return current.Parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation gatherer } => Accumulators.IsGatheringOrCopying(apis, gatherer.TargetMethod),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } => true,
            _ => false,
        };
    }

    private static bool PassesResult(IInvocationOperation invocation, ReceiveSite receive)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value.WithoutConversions();
            if (value == receive.Value || (receive.Result is not null && SymbolEqualityComparer.Default.Equals(value.ReferencedSymbol(), receive.Result)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the bytes <paramref name="use"/> sees are the ones <paramref name="receive"/> wrote.</summary>
    private static bool Owns(ReceiveSite receive, IOperation use, List<ReceiveSite> sameBuffer)
    {
        var position = use.Syntax.SpanStart;
        if (position > receive.Position)
        {
            foreach (var other in sameBuffer)
            {
                if (other.Position > receive.Position && other.Position < position)
                {
                    return false;
                }
            }

            return true;
        }

        // Before the receive in the source: it sees this receive's bytes on the next iteration of a loop around both.
        for (var current = receive.Invocation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return false;
            }

            if (current is ILoopOperation loop && use.IsWithin(loop))
            {
                var start = loop.Syntax.SpanStart;
                var end = loop.Syntax.Span.End;
                foreach (var other in sameBuffer)
                {
                    if ((other.Position >= start && other.Position < position) || (other.Position > receive.Position && other.Position < end))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }
}
