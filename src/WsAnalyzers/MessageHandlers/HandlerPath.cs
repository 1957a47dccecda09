using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>The synchronous path an operation is on: a connection's processing path (a message or open handler, a
/// receive-loop body, the code after an accept), or an ordinary method or local function that such a path may call.</summary>
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

    /// <summary>The message or open handler the operation is in, when it is in one (not for receive-loop bodies or
    /// the code after an accept).</summary>
    public Handler Handler { get; }

    /// <summary>The receive loop whose body contains the operation, when that is what makes it a handler path.</summary>
    public ILoopOperation? ReceiveLoop { get; }

    /// <summary>The method or local function whose body directly contains the operation (null in lambdas).</summary>
    public IMethodSymbol? Method { get; }

    /// <summary>The lambda, local function or method that contains the operation.</summary>
    public IMethodSymbol? FunctionSymbol => Function is IAnonymousFunctionOperation lambda ? lambda.Symbol : Method;

    /// <summary>True when the function that contains the operation is async (await is allowed there).</summary>
    public bool IsAsync => FunctionSymbol?.IsAsync == true;

    /// <summary>Classifies <paramref name="operation"/>: on a connection's processing path (a message or open handler
    /// body, the body of a receive loop, the code that follows an awaited accept in the same function), directly in an
    /// ordinary method or local function (reached when such a path calls it), or neither.</summary>
    public static HandlerPath Find(WebSocketApis apis, IOperation operation, ISymbol containingSymbol)
    {
        var function = operation.EnclosingFunction();
        if (function is null)
        {
            return default;
        }

        var method = function switch
        {
            ILocalFunctionOperation localFunction => localFunction.Symbol,
            IAnonymousFunctionOperation => null,
            _ => containingSymbol as IMethodSymbol,
        };

        // A local function is not a handler itself, but a handler (or a receive loop) may call it, and it may hold a receive loop.
        var handler = function is ILocalFunctionOperation ? Handler.None : HandlerRecognition.FindEnclosing(apis, operation, containingSymbol);
        if (handler.Kind is HandlerKind.Message or HandlerKind.Open)
        {
            return new HandlerPath(HandlerPathKind.Handler, function, handler, null, method);
        }

        if (ReceiveLoops.FindEnclosingReceiveLoop(apis, operation) is { } loop && !ConnectionLoops.ReceivesOnlyInNestedLoops(apis, loop))
        {
            return new HandlerPath(HandlerPathKind.Handler, function, Handler.None, loop, method);
        }

        if (AcceptPaths.Follows(apis, operation, function))
        {
            return new HandlerPath(HandlerPathKind.Handler, function, Handler.None, null, method);
        }

        return handler.IsHandler || method is null ||
               method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.PropertyGet or MethodKind.PropertySet)
            ? default
            : new HandlerPath(HandlerPathKind.Method, function, Handler.None, null, method);
    }
}
