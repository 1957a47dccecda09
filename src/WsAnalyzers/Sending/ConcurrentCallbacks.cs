using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "does this code run concurrently with the code that started it": lambdas passed to a
/// System.Threading.Timer, to Task.Run / TaskFactory.StartNew, to an observable's Subscribe, attached to an event with +=,
/// or returned by a method (a callback handed out to an event bus or an observable, called whenever they publish).
/// </summary>
internal static class ConcurrentCallbacks
{
    /// <summary>The innermost enclosing lambda that is a timer, event or Task.Run callback, or null.</summary>
    public static IAnonymousFunctionOperation? FindEnclosingCallback(ThreadingApis threading, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && ConcurrentCallbacks.IsCallback(threading, lambda))
            {
                return lambda;
            }
        }

        return null;
    }

    private static bool IsCallback(ThreadingApis threading, IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IEventAssignmentOperation { Adds: true } => true,
            IReturnOperation => true,
            IArgumentOperation { Parent: IObjectCreationOperation creation } => creation.Type.IsType(threading.ThreadingTimer),
            IArgumentOperation { Parent: IInvocationOperation invocation } =>
                (invocation.TargetMethod.Name == "Run" && invocation.TargetMethod.ContainingType.IsType(threading.Task)) ||
                (invocation.TargetMethod.Name == "StartNew" && invocation.TargetMethod.ContainingType.IsType(threading.TaskFactory)) ||
                (invocation.TargetMethod.Name == "Subscribe" && IsObservable(threading, invocation)),
            _ => false,
        };
    }

    /// <summary>The receiver of <c>observable.Subscribe(...)</c> (or the first argument of an extension Subscribe) is an IObservable.</summary>
    private static bool IsObservable(ThreadingApis threading, IInvocationOperation subscribe)
    {
        var source = subscribe.TargetMethod.IsExtensionMethod && subscribe.Arguments.Length > 0 ? subscribe.Arguments[0].Value : subscribe.Instance;
        return source?.WithoutConversions().Type.IsOrInheritsFrom(threading.Observable) == true;
    }
}
