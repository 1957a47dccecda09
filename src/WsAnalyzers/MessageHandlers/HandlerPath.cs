using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>The synchronous path an operation is on: a message handler (or receive-loop body), or a same-type method.</summary>
internal readonly struct HandlerPath
{
    public HandlerPath(HandlerPathKind kind, IOperation function, Handler handler, ILoopOperation? receiveLoop, IMethodSymbol? method)
    {
        Kind = kind;
        Function = function;
        Handler = handler;
        ReceiveLoop = receiveLoop;
        Method = method;
    }

    public HandlerPathKind Kind { get; }

    /// <summary>The lambda or method body that directly contains the operation.</summary>
    public IOperation Function { get; }

    /// <summary>The message handler the operation is in, when it is in one (not for receive-loop bodies).</summary>
    public Handler Handler { get; }

    /// <summary>The receive loop whose body contains the operation, when that is what makes it a handler path.</summary>
    public ILoopOperation? ReceiveLoop { get; }

    /// <summary>The method or local function whose body directly contains the operation (null in lambdas).</summary>
    public IMethodSymbol? Method { get; }

    /// <summary>True when the function that contains the operation is async (await is allowed there).</summary>
    public bool IsAsync => Function switch
    {
        IAnonymousFunctionOperation lambda => lambda.Symbol.IsAsync,
        _ => Method?.IsAsync == true,
    };

    /// <summary>Classifies <paramref name="operation"/>: on a message handler's path (a message handler body, or the body of
    /// a receive loop), directly in an ordinary method body (reached when a handler calls the method), or neither.</summary>
    public static HandlerPath Find(WebSocketApis apis, IOperation operation, ISymbol containingSymbol)
    {
        var function = operation.EnclosingFunction();
        if (function is null)
        {
            return default;
        }

        // A local function is not a handler itself, but a handler (or a receive loop) may call it.
        if (function is ILocalFunctionOperation localFunction)
        {
            return new HandlerPath(HandlerPathKind.Method, function, Handler.None, null, localFunction.Symbol);
        }

        var method = function is IAnonymousFunctionOperation ? null : containingSymbol as IMethodSymbol;
        var handler = HandlerRecognition.FindEnclosing(apis, operation, containingSymbol);
        if (handler.Kind == HandlerKind.Message)
        {
            return new HandlerPath(HandlerPathKind.Handler, function, handler, null, method);
        }

        if (ReceiveLoops.FindEnclosingReceiveLoop(apis, operation) is { } loop)
        {
            return new HandlerPath(HandlerPathKind.Handler, function, Handler.None, loop, method);
        }

        return handler.IsHandler || method is null || method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet)
            ? default
            : new HandlerPath(HandlerPathKind.Method, function, Handler.None, null, method);
    }
}
