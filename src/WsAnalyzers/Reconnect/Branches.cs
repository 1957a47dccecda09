using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>Answers "can these two operations run on the same path": not when they sit in different branches of one
/// if / conditional, or in different sections of one switch.</summary>
internal static class Branches
{
    public static bool AreExclusive(IOperation first, IOperation second)
    {
        var child = first;
        for (var parent = first.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (!second.IsWithin(parent))
            {
                continue;
            }

            // parent is the closest common ancestor; child is the branch that holds first.
            return parent switch
            {
                IConditionalOperation conditional =>
                    child != conditional.Condition && !second.IsWithin(conditional.Condition) && !second.IsWithin(child),
                ISwitchOperation @switch => child is ISwitchCaseOperation && !second.IsWithin(child) && !second.IsWithin(@switch.Value),
                ISwitchExpressionOperation switchExpression =>
                    child is ISwitchExpressionArmOperation && !second.IsWithin(child) && !second.IsWithin(switchExpression.Value),
                _ => false,
            };
        }

        return false;
    }
}
