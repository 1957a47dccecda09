using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Answers "does this close handler look at why the connection closed before it reconnects": the close information
/// parameter (websocket-sharp CloseEventArgs, SignalR Closed's exception, Websocket.Client DisconnectionInfo) read in a
/// condition or handed to a method of the same type, or an Rx operator that filters the disconnections before Subscribe.
/// In a SignalR Closed handler a guard that is not only a connection-state check (a "stopping" flag, a cancellation
/// token) counts too: Closed's argument is null both after the app's own StopAsync and after a clean close by the
/// server, so the app's flag tells as much. In an ASP.NET SignalR 2 Closed or StateChanged handler such a guard is the
/// only way to tell: Closed has no argument and runs after the app's own Stop() as after a failure. websocket-sharp's close code and Websocket.Client's disconnection type say
/// whether the server closed normally, which the app's own flag cannot know.
/// </summary>
internal static class CloseInfoChecks
{
    /// <summary>The parameter that carries the close information of <paramref name="handler"/>, or null.</summary>
    public static IParameterSymbol? CloseInfoParameter(WebSocketApis apis, Handler handler, ISymbol containingSymbol)
    {
        var parameters = handler.Function switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters,
            _ when containingSymbol is IMethodSymbol method => method.Parameters,
            _ => default,
        };
        if (parameters.IsDefault)
        {
            return null;
        }

        foreach (var parameter in parameters)
        {
            var type = parameter.Type;
            if (type.IsOrInheritsFrom(apis.SharpCloseEventArgs) || type.IsOrInheritsFrom(apis.WebsocketClientDisconnectionInfo) ||
                (handler.Library == SocketLibrary.SignalRClient && type.IsOrInheritsFrom(apis.Exception)))
            {
                return parameter;
            }
        }

        return null;
    }

    public static bool LooksAtCloseReason(WebSocketApis apis, Handler handler, IOperation reconnect, IParameterSymbol? closeInfo)
    {
        if (IsFilteredBeforeSubscribe(handler))
        {
            return true;
        }

        foreach (var descendant in handler.Function.DescendantsOutsideFunctions())
        {
            if (descendant is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, closeInfo) &&
                (InCondition(reference, handler.Function) || PassedToSourceMethod(reference)))
            {
                return true;
            }
        }

        return handler.Library is SocketLibrary.SignalRClient or SocketLibrary.AspNetSignalRClient && IsGuardedByIntent(apis, reconnect, handler.Function);
    }

    /// <summary><c>client.DisconnectionHappened.Where(...).Subscribe(handler)</c>: the filter decides which disconnections reconnect.</summary>
    private static bool IsFilteredBeforeSubscribe(Handler handler)
    {
        var parent = handler.Function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation subscribe })
        {
            return false;
        }

        var observable = subscribe.TargetMethod.IsExtensionMethod && subscribe.Arguments.Length > 0 ? subscribe.Arguments[0].Value : subscribe.Instance;
        return observable?.WithoutConversions() is IInvocationOperation;
    }

    private static bool InCondition(IOperation operation, IOperation function)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null && parent != function; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.Condition == child:
                case ISwitchOperation @switch when @switch.Value == child:
                case ISwitchExpressionOperation switchExpression when switchExpression.Value == child:
                case IIsPatternOperation:
                case IIsTypeOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThanOrEqual }:
                case IWhileLoopOperation:
                    return true;
                case IBlockOperation or IExpressionStatementOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool PassedToSourceMethod(IOperation reference) =>
        reference.Parent is IArgumentOperation { Parent: IInvocationOperation invocation } && !invocation.TargetMethod.Locations.IsEmpty &&
        invocation.TargetMethod.Locations[0].IsInSource;

    /// <summary>An enclosing if, or an earlier if of an enclosing block, whose condition is about something other than the
    /// socket's state (a "stopping" flag, a cancellation token): the author decides when not to reconnect.</summary>
    private static bool IsGuardedByIntent(WebSocketApis apis, IOperation reconnect, IOperation function)
    {
        var child = reconnect;
        for (var parent = reconnect.Parent; parent is not null && parent != function; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && conditional.Condition != child && IsIntent(apis, conditional.Condition))
            {
                return true;
            }

            if (parent is IBlockOperation block)
            {
                foreach (var statement in block.Operations)
                {
                    if (statement == child)
                    {
                        break;
                    }

                    if (statement is IConditionalOperation earlier && IsIntent(apis, earlier.Condition))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsIntent(WebSocketApis apis, IOperation condition)
    {
        foreach (var descendant in condition.DescendantsOutsideFunctions())
        {
            if (descendant is IPropertyReferenceOperation property && apis.IsStateProperty(property.Property))
            {
                return false;
            }
        }

        return true;
    }
}
