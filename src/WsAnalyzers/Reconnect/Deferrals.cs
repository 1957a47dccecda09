using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Recognises a callback that runs later, where the path that scheduled it continues: a lambda passed to
/// <c>new System.Threading.Timer(callback, state, dueTime, period)</c> or to <c>Task.Delay(x).ContinueWith(...)</c> (after
/// a wait: the timer's due time or the delay), to another task's <c>ContinueWith</c>, to <c>Task.Run</c> or
/// <c>Task.Factory.StartNew</c>, or a closure stored in a generic container of delegates (a <c>Queue&lt;Action&gt;</c>,
/// a <c>Channel&lt;Func&lt;Task&gt;&gt;</c> writer, a list of callbacks) that a pump runs later. A close handler that
/// queues <c>() =&gt; Reconnect()</c> reconnects when the pump gets to it, with nothing in between.
/// </summary>
internal static class Deferrals
{
    /// <summary>True when <paramref name="operation"/> is written directly in a lambda that runs later:
    /// <paramref name="function"/> is that lambda, <paramref name="scheduling"/> the call or creation that schedules it,
    /// <paramref name="delay"/> the wait before it runs (a <c>default</c> Delay, whose Operation is null, when none).</summary>
    public static bool TryGetDeferral(WebSocketApis apis, IOperation operation, out IOperation scheduling, out IOperation function, out Delay delay)
    {
        scheduling = operation;
        function = operation;
        delay = default;
        if (operation.EnclosingFunction() is not IAnonymousFunctionOperation lambda)
        {
            return false;
        }

        function = lambda;
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation argument)
        {
            return false;
        }

        switch (argument.Parent)
        {
            case IObjectCreationOperation creation when creation.Type.IsType(apis.ThreadingTimer):
                foreach (var other in creation.Arguments)
                {
                    if (other.Parameter?.Name == "dueTime")
                    {
                        scheduling = creation;
                        delay = new Delay(creation, other.Value);
                        return true;
                    }
                }

                return false;
            case IInvocationOperation { TargetMethod.Name: "ContinueWith", Instance: { } instance } continuation
                when instance.WithoutConversions() is IInvocationOperation wait && Delay.IsDelay(apis, wait, out var amount) && amount is not null:
                scheduling = continuation;
                delay = new Delay(wait, amount);
                return true;
            case IInvocationOperation invocation when RunsLater(apis, invocation, argument):
                scheduling = invocation;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The lambda or method <paramref name="invocation"/> hands to <c>Task.Run</c> / <c>Task.Factory.StartNew</c> /
    /// <c>ContinueWith</c> / a container of delegates to run later, so that a followed method's deferred connect is seen.</summary>
    public static bool TryGetDeferredCallback(WebSocketApis apis, IInvocationOperation invocation, out IOperation? lambda, out IMethodSymbol? method)
    {
        lambda = null;
        method = null;
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IDelegateCreationOperation or IConversionOperation)
            {
                value = value is IDelegateCreationOperation creation ? creation.Target : ((IConversionOperation)value).Operand;
            }

            if (value is not (IAnonymousFunctionOperation or IMethodReferenceOperation) || !RunsLater(apis, invocation, argument))
            {
                continue;
            }

            lambda = value as IAnonymousFunctionOperation;
            method = (value as IMethodReferenceOperation)?.Method;
            return true;
        }

        return false;
    }

    /// <summary>The name first (one string test per call), then the symbol.</summary>
    private static bool RunsLater(WebSocketApis apis, IInvocationOperation invocation, IArgumentOperation argument)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Run":
                return method.IsStatic && method.ContainingType.IsType(apis.Task);
            case "StartNew":
                return method.ContainingType.OriginalDefinition.IsType(apis.Threading.TaskFactory) ||
                       method.ContainingType.OriginalDefinition.BaseType.IsType(apis.Threading.TaskFactory);
            case "ContinueWith":
                return method.ContainingType.IsOrInheritsFrom(apis.Task);
            default:
                return IsStoredDelegate(argument);
        }
    }

    /// <summary>A delegate passed where the method's generic container takes its element type (<c>Queue&lt;Action&gt;.Enqueue</c>,
    /// <c>ChannelWriter&lt;Func&lt;Task&gt;&gt;.TryWrite</c>, <c>List&lt;Action&gt;.Add</c>): stored as data for a pump to run.</summary>
    private static bool IsStoredDelegate(IArgumentOperation argument) =>
        argument.Parameter is { } parameter && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } &&
        parameter.OriginalDefinition.Type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type } &&
        parameter.Type.TypeKind == TypeKind.Delegate;
}
