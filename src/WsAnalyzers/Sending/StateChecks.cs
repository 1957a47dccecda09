using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "is this operation guarded by a state check of the socket": an enclosing if, conditional, switch or
/// loop condition, or an earlier statement of an enclosing block (the early-return shape), that reads the socket's
/// state (State, CloseStatus, ReadyState, IsAlive, IsAvailable, IsRunning) or passes the socket to a predicate; or a
/// filter on the state of the elements a foreach or a Select / ForEach lambda sends to (<see cref="StateFilters"/>).
/// The same socket may be an element of a collection at the same index (<see cref="SendTargets"/>). A local function is
/// part of the function it is declared in: it can only be called where it is visible, so a check around its declaration
/// guards its sends.
/// The polarity of the check is not judged: a check that is there but reads oddly is the author's call.
/// </summary>
internal static class StateChecks
{
    public static bool IsGuardedByStateCheck(WebSocketApis apis, IOperation operation, IOperation? socket)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation lambda:
                    return StateFilters.FilteredLambdaElement(apis, lambda, socket);
                case IForEachLoopOperation loop when child == loop.Body && StateFilters.FilteredLoopElement(apis, loop, socket):
                    return true;
                case IConditionalOperation conditional when child != conditional.Condition && StateChecks.ChecksState(apis, conditional.Condition, socket):
                    return true;
                case IWhileLoopOperation { ConditionIsTop: true } loop when StateChecks.ChecksState(apis, loop.Condition, socket):
                    return true;
                case IForLoopOperation loop when StateChecks.ChecksState(apis, loop.Condition, socket):
                    return true;
                case ISwitchOperation @switch when child != @switch.Value && StateChecks.ChecksState(apis, @switch.Value, socket):
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary
                    when child == binary.RightOperand && StateChecks.ChecksState(apis, binary.LeftOperand, socket):
                    return true;
                case IBlockOperation block when StateChecks.EarlierStatementChecksState(apis, block, child, socket):
                    return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="condition"/> reads the state of <paramref name="socket"/>.</summary>
    public static bool ChecksState(WebSocketApis apis, IOperation? condition, IOperation? socket) =>
        ChecksState(apis, condition, candidate => IsSocket(candidate, socket), ownFlags: true);

    /// <summary>True when <paramref name="condition"/> reads the state of an operand <paramref name="isSocket"/> accepts, or
    /// passes one to a bool predicate; with <paramref name="ownFlags"/>, a connection flag of the sending type counts too.</summary>
    public static bool ChecksState(WebSocketApis apis, IOperation? condition, System.Func<IOperation?, bool> isSocket, bool ownFlags)
    {
        if (condition is null)
        {
            return false;
        }

        foreach (var descendant in condition.DescendantsOutsideFunctions())
        {
            switch (descendant)
            {
                case IPropertyReferenceOperation property when apis.IsStateProperty(property.Property):
                    if (property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput })
                    {
                        if (PatternInput(property) is { } input && isSocket(input))
                        {
                            return true;
                        }
                    }
                    else if (isSocket(property.Instance))
                    {
                        return true;
                    }

                    break;
                case IPropertyReferenceOperation or IFieldReferenceOperation when ownFlags && IsOwnConnectionFlag((IMemberReferenceOperation)descendant):
                    return true;
                case IInvocationOperation invocation when invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean:
                    foreach (var argument in invocation.Arguments)
                    {
                        if (isSocket(argument.Value))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// A bool field or property of the sending type itself (<c>if (_connected)</c>, <c>if (IsOpen)</c>): wrappers keep their
    /// own connection flag. Whether it really tracks the socket is not provable here, so it gets the benefit of the doubt.
    /// </summary>
    private static bool IsOwnConnectionFlag(IMemberReferenceOperation reference) =>
        reference.Type?.SpecialType == SpecialType.System_Boolean &&
        (reference.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }) &&
        reference.Member.Locations.Length > 0 && reference.Member.Locations[0].IsInSource;

    private static bool EarlierStatementChecksState(WebSocketApis apis, IBlockOperation block, IOperation child, IOperation? socket)
    {
        foreach (var statement in block.Operations)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is IConditionalOperation conditional && StateChecks.ChecksState(apis, conditional.Condition, socket))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Implicit <c>this</c> (a WebSocketBehavior reading its own ReadyState) matches a call with no explicit socket.</summary>
    private static bool IsSocket(IOperation? candidate, IOperation? socket) =>
        socket is null or IInstanceReferenceOperation
            ? candidate is null or IInstanceReferenceOperation
            : SendTargets.AreSame(candidate, socket);

    private static IOperation? PatternInput(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IIsPatternOperation isPattern)
            {
                return isPattern.Value;
            }

            if (current is ISwitchExpressionOperation switchExpression)
            {
                return switchExpression.Value;
            }
        }

        return null;
    }
}
