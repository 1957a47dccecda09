using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>The symbols that hold the received message on a handler path (<see cref="Payloads.Collect"/>): its content
/// and sizes, and the numbers the peer chose with it.</summary>
internal sealed class Payload
{
    public Payload(NumberSources numbers)
    {
        Numbers = numbers;
    }

    public NumberSources Numbers { get; }

    /// <summary>The message, what is computed from its content (text, lines, a decoded object) and its sizes.</summary>
    public HashSet<ISymbol> Message { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Numbers read out of the message (<c>var n = int.Parse(text)</c>) and what is computed from them alone.</summary>
    public HashSet<ISymbol> Chosen { get; } = new(SymbolEqualityComparer.Default);

    public bool Contains(ISymbol symbol) => Message.Contains(symbol) || Chosen.Contains(symbol);

    /// <summary>True when <paramref name="operation"/> reads the message or a number taken from it.</summary>
    public bool IsReadBy(IOperation? operation)
    {
        if (operation is null || Message.Count + Chosen.Count == 0)
        {
            return false;
        }

        foreach (var descendant in operation.DescendantsOutsideFunctions())
        {
            if (Payloads.Symbol(descendant) is { } symbol && Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the bound expression of a loop depends on: the message's size or content wins over a number the peer
    /// chose (<c>i &lt; n &amp;&amp; i &lt; text.Length</c> is bounded by the message).</summary>
    public PayloadBound Classify(IOperation? bound)
    {
        if (bound is null || Message.Count + Chosen.Count == 0)
        {
            return PayloadBound.Unrelated;
        }

        var result = PayloadBound.Unrelated;
        foreach (var descendant in bound.DescendantsOutsideFunctions())
        {
            if (Payloads.Symbol(descendant) is not { } symbol)
            {
                continue;
            }

            if (Chosen.Contains(symbol) || Message.Contains(symbol) && IsReadAsNumber(descendant))
            {
                result = PayloadBound.Chosen;
            }
            else if (Message.Contains(symbol))
            {
                return PayloadBound.Message;
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="scope"/> reads an element of the message (<c>buffer[i]</c>, <c>text[i]</c>,
    /// <c>cells[i]</c> of a decoded array): a loop that walks the message's elements is parsing it.</summary>
    public bool ReadsElements(IOperation scope)
    {
        foreach (var descendant in scope.DescendantsOutsideFunctions())
        {
            var instance = descendant switch
            {
                IArrayElementReferenceOperation element => element.ArrayReference,
                IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance,
                _ => null,
            };
            if (instance is not null && Payloads.Symbol(instance) is { } symbol && Message.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The message symbol is read here as a number the peer wrote: passed to a parse, or the instance of a
    /// numeric member that is not a size (<c>request.Rows</c> of a deserialised object).</summary>
    private bool IsReadAsNumber(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IArgumentOperation { Parent: { } call } when Numbers.IsParse(call):
            case IConversionOperation when Numbers.IsParse(parent):
                return true;
            case IMemberReferenceOperation member when member.Instance is { } instance && instance.WithoutConversions() == reference.WithoutConversions():
                return !NumberSources.IsSize(member) && NumberSources.IsWideNumber(member.Type);
            case IInvocationOperation call when call.Instance is { } instance && instance.WithoutConversions() == reference.WithoutConversions():
                return Numbers.IsParse(call);
            default:
                return false;
        }
    }
}
