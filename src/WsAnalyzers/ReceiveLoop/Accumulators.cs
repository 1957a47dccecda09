using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// What messages are assembled in (WS5002): appends to a MemoryStream, a StringBuilder, a <c>List&lt;T&gt;</c>, an
/// <c>ArrayBufferWriter&lt;T&gt;</c> or a string, and the comparisons that limit their size.
/// </summary>
internal static class Accumulators
{
    /// <summary>The name test run on every invocation before any symbol is read.</summary>
    public static bool MayBeAppend(string name) =>
        name is "Write" or "WriteAsync" or "WriteByte" or "Append" or "AppendLine" or "Add" or "AddRange" or "Advance";

    /// <summary>An append call or string <c>+=</c>, name first.</summary>
    public static bool TryGetAppend(WebSocketApis apis, IOperation operation, out Append append)
    {
        append = default;
        return operation.Kind switch
        {
            OperationKind.Invocation => operation is IInvocationOperation invocation && MayBeAppend(invocation.TargetMethod.Name) &&
                                        TryGetAppend(apis, invocation, out append),
            OperationKind.CompoundAssignment => TryGetAppend((ICompoundAssignmentOperation)operation, out append),
            _ => false,
        };
    }

    public static bool TryGetAppend(WebSocketApis apis, IInvocationOperation invocation, out Append append)
    {
        append = default;
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        var messages = apis.Messages;
        IOperation? target;
        AccumulatorKind kind;
        var mayNotBeInMemory = false;
        switch (method.Name)
        {
            case "Write" or "WriteAsync" or "WriteByte" when !method.IsStatic && type.IsOrInheritsFrom(messages.Stream):
                target = invocation.Instance;
                kind = AccumulatorKind.MemoryStream;
                var targetType = target?.WithoutConversions().Type;
                if (!targetType.IsOrInheritsFrom(messages.MemoryStream))
                {
                    if (!SymbolEqualityComparer.Default.Equals(targetType, messages.Stream))
                    {
                        return false;
                    }

                    mayNotBeInMemory = true;
                }

                break;
            case "Append" or "AppendLine" when SymbolEqualityComparer.Default.Equals(type, messages.StringBuilder):
                target = invocation.Instance;
                kind = AccumulatorKind.StringBuilder;
                break;
            case "Add" or "AddRange" when SymbolEqualityComparer.Default.Equals(type, messages.List):
                target = invocation.Instance;
                kind = AccumulatorKind.List;
                break;
            case "Advance" when SymbolEqualityComparer.Default.Equals(type, messages.ArrayBufferWriter):
                target = invocation.Instance;
                kind = AccumulatorKind.BufferWriter;
                break;
            case "Write" when SymbolEqualityComparer.Default.Equals(type, messages.BuffersExtensions) && invocation.Arguments.Length > 0 &&
                              SymbolEqualityComparer.Default.Equals(invocation.Arguments[0].Value.WithoutConversions().Type?.OriginalDefinition, messages.ArrayBufferWriter):
                target = invocation.Arguments[0].Value;
                kind = AccumulatorKind.BufferWriter;
                break;
            default:
                return false;
        }

        if (target.ReferencedSymbol() is not { } accumulator)
        {
            return false;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value != target)
            {
                values.Add(argument.Value);
            }
        }

        append = new Append(invocation, accumulator, kind, values.ToImmutable(), mayNotBeInMemory);
        return true;
    }

    /// <summary><c>text += fragment</c> on a string variable.</summary>
    public static bool TryGetAppend(ICompoundAssignmentOperation assignment, out Append append)
    {
        append = default;
        if (assignment.OperatorKind != BinaryOperatorKind.Add || assignment.Type?.SpecialType != SpecialType.System_String ||
            assignment.Target.ReferencedSymbol() is not { } accumulator)
        {
            return false;
        }

        append = new Append(assignment, accumulator, AccumulatorKind.String, ImmutableArray.Create(assignment.Value), mayNotBeInMemory: false);
        return true;
    }

    /// <summary>Methods that gather or copy bytes without using them as a message: stream writes, builder and list
    /// appends, buffer writers, array and buffer copies, pools.</summary>
    public static bool IsGatheringOrCopying(WebSocketApis apis, IMethodSymbol method)
    {
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        var messages = apis.Messages;
        if (type.IsOrInheritsFrom(messages.Stream) || SymbolEqualityComparer.Default.Equals(type, messages.StringBuilder) ||
            SymbolEqualityComparer.Default.Equals(type, messages.List) || SymbolEqualityComparer.Default.Equals(type, messages.ArrayBufferWriter) ||
            SymbolEqualityComparer.Default.Equals(type, messages.BuffersExtensions) || ByteWrappers.IsWrapperType(type))
        {
            return true;
        }

        var ns = type.ContainingNamespace;
        return (type.Name is "Array" or "Buffer" or "MemoryExtensions" or "GC" && ns is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }) ||
               (type.Name == "ArrayPool" && ns is { Name: "Buffers", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
    }

    /// <summary>A MemoryStream variable only ever given streams over a fixed array (<c>new MemoryStream(bytes)</c>), which
    /// cannot grow.</summary>
    public static bool IsFixedCapacity(ISymbol accumulator, LocalValues locals)
    {
        if (accumulator is not ILocalSymbol local)
        {
            return false;
        }

        var values = locals.Of(local);
        if (values.IsEmpty)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (value.WithoutConversions() is not IObjectCreationOperation { Constructor: { Parameters.Length: > 0 } constructor } ||
                constructor.Parameters[0].Type is not IArrayTypeSymbol)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a Stream variable is given a MemoryStream somewhere in the function.</summary>
    public static bool HoldsMemoryStream(WebSocketApis apis, ISymbol accumulator, LocalValues locals)
    {
        if (accumulator is not ILocalSymbol local)
        {
            return false;
        }

        foreach (var value in locals.Of(local))
        {
            if (value.WithoutConversions().Type.IsOrInheritsFrom(apis.Messages.MemoryStream))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the function compares the accumulator's size (its Length, Count, Position or WrittenCount, or a
    /// counter of what was received: <c>total += result.Count</c>, <c>var size = ms.Length</c>) with
    /// something other than 0 or 1, anywhere: a limit, checked before or after the append, in the loop condition or in
    /// an <c>if</c>.
    /// </summary>
    public static bool HasSizeCheck(ReceiveFunction function, ISymbol accumulator, List<ISymbol> received)
    {
        // The walks outside nested functions look only at binary operations, patterns and compound assignments: the
        // function's scan kept them, in walk order (ReceiveFunction.Outside).
        var counters = Counters(function, accumulator, received, function.Locals);
        foreach (var operation in function.Outside)
        {
            switch (operation.Kind)
            {
                case OperationKind.Binary:
                    var binary = (IBinaryOperation)operation;
                    if (IsComparison(binary.OperatorKind) &&
                        ((MeasuresSize(binary.LeftOperand, accumulator, counters) && !IsTrivialBound(binary.RightOperand)) ||
                         (MeasuresSize(binary.RightOperand, accumulator, counters) && !IsTrivialBound(binary.LeftOperand))))
                    {
                        return true;
                    }

                    break;
                case OperationKind.IsPattern:
                    var pattern = (IIsPatternOperation)operation;
                    if (pattern.Pattern is IRelationalPatternOperation or IBinaryPatternOperation or INegatedPatternOperation &&
                        MeasuresSize(pattern.Value, accumulator, counters))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or
        BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;

    private static bool IsTrivialBound(IOperation bound) =>
        bound.WithoutConversions().ConstantValue is { HasValue: true } constant &&
        (constant.Value is null || (constant.Value is int or long && System.Convert.ToInt64(constant.Value) is 0 or 1));

    /// <summary>The operand reads a size of the accumulator or a counter.</summary>
    private static bool MeasuresSize(IOperation operand, ISymbol accumulator, List<ISymbol> counters)
    {
        foreach (var operation in operand.DescendantsOutsideFunctions())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Length" or "LongLength" or "Count" or "Position" or "WrittenCount" or "Capacity" } property
                    when Mentions(property.Instance, accumulator):
                    return true;
                case ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation when ReceiveSite.Contains(counters, operation.ReferencedSymbol()):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The accumulator itself, or a member chain on it (<c>writer.WrittenSpan</c>).</summary>
    private static bool Mentions(IOperation? instance, ISymbol accumulator)
    {
        for (var current = instance?.WithoutConversions(); current is not null;)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ReferencedSymbol(), accumulator))
            {
                return true;
            }

            current = current is IPropertyReferenceOperation property ? property.Instance?.WithoutConversions() : null;
        }

        return false;
    }

    /// <summary>Variables that count what was received or assembled: targets of <c>+=</c> of received values, and
    /// locals given the accumulator's size.</summary>
    private static List<ISymbol> Counters(ReceiveFunction function, ISymbol accumulator, List<ISymbol> received, LocalValues locals)
    {
        var counters = new List<ISymbol>();
        foreach (var operation in function.Outside)
        {
            if (operation is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add &&
                add.Type?.SpecialType != SpecialType.System_String && References(add.Value, received))
            {
                AddSymbol(counters, add.Target.ReferencedSymbol());
            }
        }

        for (var i = 0; i < locals.Count; i++)
        {
            foreach (var value in locals.OfLocalAt(i))
            {
                if (value.WithoutConversions() is IPropertyReferenceOperation property && Mentions(property.Instance, accumulator))
                {
                    AddSymbol(counters, locals.LocalAt(i));
                }
            }
        }

        return counters;
    }

    private static void AddSymbol(List<ISymbol> symbols, ISymbol? symbol)
    {
        if (symbol is not null && !ReceiveSite.Contains(symbols, symbol))
        {
            symbols.Add(symbol);
        }
    }

    /// <summary>True when <paramref name="scope"/> reads one of <paramref name="symbols"/>.</summary>
    public static bool References(IOperation scope, List<ISymbol> symbols)
    {
        foreach (var operation in scope.DescendantsOutsideFunctions())
        {
            if (operation.Kind is OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.FieldReference or OperationKind.PropertyReference &&
                ReceiveSite.Contains(symbols, operation.ReferencedSymbol()))
            {
                return true;
            }
        }

        return false;
    }
}
