using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Recognises a callback that runs after a wait: a lambda passed to <c>new System.Threading.Timer(callback, state, dueTime, period)</c>
/// or to <c>Task.Delay(x).ContinueWith(...)</c>. The wait is the timer's due time or the delay; the scheduling call is where
/// the path continues (a close handler that starts a one-shot timer reconnects after the timer's due time).
/// </summary>
internal static class Deferrals
{
    public static bool TryGetDeferral(WebSocketApis apis, IOperation operation, out IOperation scheduling, out Delay delay)
    {
        scheduling = operation;
        delay = default;
        if (operation.EnclosingFunction() is not IAnonymousFunctionOperation lambda)
        {
            return false;
        }

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
            default:
                return false;
        }
    }
}
