using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// WS5001's question: does a receive loop stop once the peer has closed? It does when it looks at the Close message
/// (<c>WebSocketMessageType.Close</c> anywhere in the loop, directly, in a <c>switch</c> or a pattern; a read of
/// <c>CloseStatus</c>; a <c>switch</c> on the message type with a default), when its condition reads the socket's state
/// (after a Close frame the state is CloseReceived, so <c>while (socket.State == WebSocketState.Open)</c> ends), when a
/// branch leaves the loop on the state, on a message type other than the expected one or on an empty result, or when a
/// helper of the same type it calls does one of these.
/// </summary>
internal static class CloseChecks
{
    private const int HelperDepth = 2;

    public static bool StopsAfterClose(WebSocketApis apis, ILoopOperation loop)
    {
        if (LoopCondition(loop) is { } condition && ReadsState(apis, condition, HelperDepth, withResult: true))
        {
            return true;
        }

        List<IInvocationOperation>? helpers = null;
        foreach (var operation in loop.DescendantsOutsideFunctions())
        {
            switch (operation.Kind)
            {
                case OperationKind.FieldReference:
                case OperationKind.PropertyReference:
                case OperationKind.Switch:
                case OperationKind.SwitchExpression:
                    if (ExaminesClose(apis, operation))
                    {
                        return true;
                    }

                    break;
                case OperationKind.Conditional:
                    var conditional = (IConditionalOperation)operation;
                    if (LeavesOnClose(apis, conditional, loop))
                    {
                        return true;
                    }

                    break;
                case OperationKind.Invocation:
                    (helpers ??= new List<IInvocationOperation>()).Add((IInvocationOperation)operation);
                    break;
            }
        }

        // Binding a helper's body (one the compiler may not have reached yet) is the dearest part of the check: only when
        // the text of some helper within reach could examine the Close (HelperSyntax) are the helpers bound and asked, in
        // the same order and with the same visited set as always. When none can, every one of them answers no.
        if (helpers is not null && HelperSyntax.AnyMayExamineClose(helpers, HelperDepth))
        {
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var helper in helpers)
            {
                if (HelperExaminesClose(apis, helper, visited, HelperDepth))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The condition of a <c>while</c>, <c>do</c> or <c>for</c> loop.</summary>
    public static IOperation? LoopCondition(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation whileLoop => whileLoop.Condition,
        IForLoopOperation forLoop => forLoop.Condition,
        _ => null,
    };

    /// <summary><c>WebSocketMessageType.Close</c>, a read of CloseStatus, or a switch on the message type with a default.</summary>
    private static bool ExaminesClose(WebSocketApis apis, IOperation operation)
    {
        switch (operation)
        {
            case IFieldReferenceOperation field:
                return field.Field.Name == "Close" && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, apis.Messages.MessageType);
            case IPropertyReferenceOperation property:
                return property.Property.Name is "CloseStatus" or "CloseStatusDescription" &&
                       (apis.Messages.IsReceiveResult(property.Property.ContainingType) || property.Property.ContainingType.IsOrInheritsFrom(apis.WebSocket));
            case ISwitchOperation switchStatement when IsMessageType(apis, switchStatement.Value):
                foreach (var section in switchStatement.Cases)
                {
                    foreach (var clause in section.Clauses)
                    {
                        if (clause.CaseKind == CaseKind.Default)
                        {
                            return true;
                        }
                    }
                }

                return false;
            case ISwitchExpressionOperation switchExpression when IsMessageType(apis, switchExpression.Value):
                foreach (var arm in switchExpression.Arms)
                {
                    if (arm.Pattern is IDiscardPatternOperation && arm.Guard is null)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsMessageType(WebSocketApis apis, IOperation value) =>
        SymbolEqualityComparer.Default.Equals(value.WithoutConversions().Type, apis.Messages.MessageType);

    /// <summary>An <c>if</c> that leaves the loop on the socket's state, on a message type other than one (<c>!=</c>,
    /// <c>is not</c>), or on an empty result (<c>Count == 0</c>): each of these also leaves on a Close.</summary>
    private static bool LeavesOnClose(WebSocketApis apis, IConditionalOperation conditional, ILoopOperation loop)
    {
        var condition = conditional.Condition;
        if (!Leaves(conditional.WhenTrue, loop) && (conditional.WhenFalse is null || !Leaves(conditional.WhenFalse, loop)))
        {
            return false;
        }

        if (ReadsState(apis, condition, depth: 0, withResult: false))
        {
            return true;
        }

        foreach (var operation in condition.DescendantsOutsideFunctions())
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } binary
                    when ReadsResultProperty(apis, binary.LeftOperand, "MessageType") || ReadsResultProperty(apis, binary.RightOperand, "MessageType"):
                    return Leaves(conditional.WhenTrue, loop);
                case IIsPatternOperation { Pattern: INegatedPatternOperation } pattern when ReadsResultProperty(apis, pattern.Value, "MessageType"):
                    return Leaves(conditional.WhenTrue, loop);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.LessThan } binary
                    when IsEmptyCount(apis, binary):
                    return Leaves(conditional.WhenTrue, loop);
            }
        }

        return false;
    }

    private static bool IsEmptyCount(WebSocketApis apis, IBinaryOperation binary)
    {
        var (count, bound) = ReadsResultProperty(apis, binary.LeftOperand, "Count") ? (binary.LeftOperand, binary.RightOperand) : (binary.RightOperand, binary.LeftOperand);
        return ReadsResultProperty(apis, count, "Count") && bound.ConstantValue is { HasValue: true, Value: int value } &&
               (value == 0 || (value == 1 && binary.OperatorKind == BinaryOperatorKind.LessThan));
    }

    private static bool ReadsResultProperty(WebSocketApis apis, IOperation operation, string name) =>
        operation.WithoutConversions() is IPropertyReferenceOperation property && property.Property.Name == name &&
        apis.Messages.IsReceiveResult(property.Property.ContainingType);

    /// <summary>True when <paramref name="branch"/> contains a <c>break</c> out of <paramref name="loop"/>, a <c>return</c>
    /// or a <c>throw</c>.</summary>
    private static bool Leaves(IOperation branch, ILoopOperation loop)
    {
        foreach (var operation in branch.DescendantsOutsideFunctions())
        {
            switch (operation.Kind)
            {
                case OperationKind.Return:
                case OperationKind.YieldBreak:
                case OperationKind.Throw:
                    return true;
                case OperationKind.Branch when ((IBranchOperation)operation).BranchKind == BranchKind.Break &&
                                               SymbolEqualityComparer.Default.Equals(((IBranchOperation)operation).Target, loop.ExitLabel):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A read of a System.Net socket's State or CloseStatus (<paramref name="withResult"/>: or of a result's
    /// MessageType or CloseStatus), a <c>bool</c> helper handed the socket, or a same-type property or method that reads
    /// one of these.</summary>
    private static bool ReadsState(WebSocketApis apis, IOperation scope, int depth, bool withResult)
    {
        foreach (var operation in scope.DescendantsOutsideFunctions())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    var type = property.Property.ContainingType;
                    if ((property.Property.Name is "State" or "CloseStatus" && type.IsOrInheritsFrom(apis.WebSocket)) ||
                        (withResult && property.Property.Name is "MessageType" or "CloseStatus" && apis.Messages.IsReceiveResult(type)))
                    {
                        return true;
                    }

                    if (depth > 0 && property.Property.Type.SpecialType == SpecialType.System_Boolean &&
                        SameTypeBodies.Of(property) is { } getter && ReadsState(apis, getter, depth - 1, withResult))
                    {
                        return true;
                    }

                    break;
                case IFieldReferenceOperation field when withResult && ExaminesClose(apis, field):
                    return true;
                case IInvocationOperation invocation when invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean:
                    if (HandsOverSocket(apis, invocation))
                    {
                        return true;
                    }

                    if (depth > 0 && SameTypeBodies.Of(invocation) is { } body && ReadsState(apis, body, depth - 1, withResult))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>A call made on a socket, or handed one (<c>IsOpen(socket)</c>, <c>socket.IsConnected()</c>).</summary>
    private static bool HandsOverSocket(WebSocketApis apis, IInvocationOperation invocation)
    {
        if (invocation.Instance?.WithoutConversions().Type.IsOrInheritsFrom(apis.WebSocket) == true)
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.WithoutConversions().Type.IsOrInheritsFrom(apis.WebSocket))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HelperExaminesClose(WebSocketApis apis, IInvocationOperation invocation, HashSet<IMethodSymbol> visited, int depth)
    {
        if (depth == 0 || !visited.Add(invocation.TargetMethod.OriginalDefinition) || SameTypeBodies.Of(invocation) is not { } body)
        {
            return false;
        }

        List<IInvocationOperation>? nested = null;
        foreach (var operation in body.DescendantsOutsideFunctions())
        {
            switch (operation.Kind)
            {
                case OperationKind.FieldReference:
                case OperationKind.PropertyReference:
                case OperationKind.Switch:
                case OperationKind.SwitchExpression:
                    if (ExaminesClose(apis, operation))
                    {
                        return true;
                    }

                    break;
                case OperationKind.Invocation:
                    (nested ??= new List<IInvocationOperation>()).Add((IInvocationOperation)operation);
                    break;
            }
        }

        if (nested is not null)
        {
            foreach (var call in nested)
            {
                if (HelperExaminesClose(apis, call, visited, depth - 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
