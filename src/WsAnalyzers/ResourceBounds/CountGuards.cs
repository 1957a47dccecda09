using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// Answers "does this add run only while the collection is below a limit": <c>if (names.Count &gt;= max) { reject }
/// else { names.Add(name); }</c>, <c>if (names.Count &lt; max) names.Add(name);</c>, or an earlier
/// <c>if (names.Count &gt;= max) return;</c> in an enclosing block. A guard on anything else is not a cap.
/// </summary>
internal static class CountGuards
{
    public static bool IsCapped(IOperation add, ISymbol collection)
    {
        var child = add;
        for (var parent = add.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                    return false;
                case OperationKind.Conditional:
                    var conditional = (IConditionalOperation)parent;
                    if (child != conditional.Condition && Bounds(conditional.Condition, child == conditional.WhenTrue, collection))
                    {
                        return true;
                    }

                    break;
                case OperationKind.Block:
                    foreach (var statement in ((IBlockOperation)parent).Operations)
                    {
                        if (statement == child)
                        {
                            break;
                        }

                        if (statement is IConditionalOperation { WhenFalse: null } guard && Exits(guard.WhenTrue) &&
                            Bounds(guard.Condition, value: false, collection))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="condition"/> being <paramref name="value"/> means the collection's count is below a limit.</summary>
    private static bool Bounds(IOperation condition, bool value, ISymbol collection)
    {
        switch (condition.WithoutConversions())
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Bounds(not.Operand, !value, collection);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return value && (Bounds(and.LeftOperand, true, collection) || Bounds(and.RightOperand, true, collection));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return !value && (Bounds(or.LeftOperand, false, collection) || Bounds(or.RightOperand, false, collection));
            case IBinaryOperation comparison:
                var countOnLeft = IsCount(comparison.LeftOperand, collection);
                if (countOnLeft == IsCount(comparison.RightOperand, collection))
                {
                    return false;
                }

                var kind = countOnLeft ? comparison.OperatorKind : Mirror(comparison.OperatorKind);
                kind = value ? kind : Negate(kind);
                return kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.NotEquals;
            default:
                return false;
        }
    }

    /// <summary><c>c.Count</c>, <c>c.Length</c> (a StringBuilder) or <c>c.Count()</c> of the collection.</summary>
    private static bool IsCount(IOperation operation, ISymbol collection)
    {
        var instance = operation.WithoutConversions() switch
        {
            IPropertyReferenceOperation { Property.Name: "Count" or "Length" } property => property.Instance,
            IInvocationOperation { TargetMethod.Name: "Count", TargetMethod.IsExtensionMethod: true, Arguments.Length: 1 } count => count.Arguments[0].Value,
            _ => null,
        };
        return instance.ReferencedSymbol() is { } referenced && SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, collection);
    }

    private static bool Exits(IOperation operation) => operation switch
    {
        IBlockOperation { Operations.Length: > 0 } block => Exits(block.Operations[block.Operations.Length - 1]),
        IReturnOperation or IBranchOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IThrowOperation => true,
        _ => false,
    };

    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    private static BinaryOperatorKind Negate(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.Equals => BinaryOperatorKind.NotEquals,
        BinaryOperatorKind.NotEquals => BinaryOperatorKind.Equals,
        _ => kind,
    };
}
