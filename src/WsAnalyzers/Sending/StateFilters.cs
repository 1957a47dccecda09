using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "was the element this send goes to filtered by its state": <c>sockets.Where(s => s.State ==
/// WebSocketState.Open)</c> feeding a <c>foreach</c>, a <c>Select</c> or a <c>ForEach</c> whose element the send is on
/// (directly or through the same members: <c>Where(p =&gt; p.Value.State == ...)</c> then <c>p.Value.SendAsync</c>). Only
/// System.Linq's <c>Where</c> counts as the filter, and only operators that keep the elements as they are may stand
/// between it and the send (<c>ToList</c>, <c>OrderBy</c>, <c>Take</c>, ...); a filter on anything else
/// (<c>Where(s =&gt; s.Room == room)</c>) is not a state check.
/// </summary>
internal static class StateFilters
{
    private const int MaxChain = 8;

    /// <summary>The send is in <paramref name="lambda"/>, on its first parameter, and the lambda consumes a filtered sequence.</summary>
    public static bool FilteredLambdaElement(WebSocketApis apis, IAnonymousFunctionOperation lambda, IOperation? socket)
    {
        if (lambda.Symbol.Parameters.Length == 0 || SendTargets.RootedPath(socket) is not { } path ||
            !SymbolEqualityComparer.Default.Equals(path.Root, lambda.Symbol.Parameters[0]))
        {
            return false;
        }

        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation consumer } argument)
        {
            return false;
        }

        // The sequence a consumer walks: the receiver of List.ForEach, the first argument of an extension method
        // (Select, Where) or of Array.ForEach / Parallel.ForEach.
        var source = consumer.Instance ?? (consumer.Arguments.Length > 0 && consumer.Arguments[0] != argument ? consumer.Arguments[0].Value : null);
        return HasStateFilter(apis, source, path.Members);
    }

    /// <summary>The send is in <paramref name="loop"/>'s body, on its iteration variable, and the loop walks a filtered sequence.</summary>
    public static bool FilteredLoopElement(WebSocketApis apis, IForEachLoopOperation loop, IOperation? socket) =>
        loop.Locals.Length == 1 && SendTargets.RootedPath(socket) is { } path &&
        SymbolEqualityComparer.Default.Equals(path.Root, loop.Locals[0]) &&
        HasStateFilter(apis, loop.Collection, path.Members);

    private static bool HasStateFilter(WebSocketApis apis, IOperation? source, List<ISymbol> members)
    {
        var enumerable = apis.Threading.Enumerable;
        for (var depth = 0; depth < MaxChain && source?.WithoutConversions() is IInvocationOperation call; depth++)
        {
            var method = call.TargetMethod;
            if (method.ContainingType.IsType(enumerable) && method.IsExtensionMethod && call.Arguments.Length > 0)
            {
                if (method.Name == "Where")
                {
                    return call.Arguments.Length == 2 && Predicate(call.Arguments[1].Value) is { } predicate &&
                           ChecksElementState(apis, predicate, members);
                }

                if (!KeepsElements(method.Name))
                {
                    return false;
                }

                source = call.Arguments[0].Value;
            }
            else if (method.Name is "ToList" or "ToArray" && call.Instance is { } instance)
            {
                source = instance;
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    private static bool KeepsElements(string name) => name is
        "ToList" or "ToArray" or "ToHashSet" or "AsEnumerable" or "OrderBy" or "OrderByDescending" or "ThenBy" or
        "ThenByDescending" or "Take" or "Skip" or "TakeWhile" or "SkipWhile" or "Distinct" or "Reverse";

    private static IAnonymousFunctionOperation? Predicate(IOperation value)
    {
        value = value.WithoutConversions();
        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target;
        }

        return value as IAnonymousFunctionOperation;
    }

    /// <summary>The predicate reads a state property of its element, through <paramref name="members"/>, or passes that to a bool helper.</summary>
    private static bool ChecksElementState(WebSocketApis apis, IAnonymousFunctionOperation predicate, List<ISymbol> members)
    {
        if (predicate.Symbol.Parameters.Length == 0)
        {
            return false;
        }

        var element = predicate.Symbol.Parameters[0];
        return StateChecks.ChecksState(apis, predicate.Body, candidate => SendTargets.IsPath(candidate, element, members), ownFlags: false);
    }
}
