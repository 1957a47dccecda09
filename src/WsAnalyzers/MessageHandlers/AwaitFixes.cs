using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Where the fixes of both rules may write an <c>await</c>, and what the function around it must become for that
/// (the <see cref="MakeAsyncProperty"/> of their diagnostics): nothing when it is async already; an event-handler lambda
/// becomes an async lambda; a function that returns a Task becomes async in place (its signature stays); a synchronous
/// SignalR hub method becomes <c>async Task</c>. Nowhere else: a synchronous override or method keeps its signature, and
/// an await is not allowed inside a lock.
/// </summary>
internal static class AwaitFixes
{
    /// <summary>Absent when the function is async already; otherwise one of the values below.</summary>
    public const string MakeAsyncProperty = "MakeAsync";

    /// <summary>A void event-handler lambda: add <c>async</c>.</summary>
    public const string LambdaValue = "Lambda";

    /// <summary>A function that returns Task or ValueTask: add <c>async</c>, <c>return t;</c> becomes <c>await t; return;</c>.</summary>
    public const string InPlaceValue = "InPlace";

    /// <summary>A function that returns Task&lt;T&gt; or ValueTask&lt;T&gt;: add <c>async</c>, <c>return t;</c> becomes <c>return await t;</c>.</summary>
    public const string InPlaceResultValue = "InPlaceResult";

    /// <summary>A synchronous SignalR hub method that no code calls directly: it becomes <c>async Task</c> / <c>async Task&lt;T&gt;</c>.</summary>
    public const string HubMethodValue = "HubMethod";

    /// <summary>True when an await may be written at <paramref name="operation"/> once the function becomes what
    /// <paramref name="makeAsync"/> says (null: it is async already).</summary>
    public static bool CanAwait(ThreadingApis threading, IOperation operation, HandlerPath path, out string? makeAsync)
    {
        makeAsync = null;
        if (path.Function is null || AsyncRewrite.IsInLock(operation, path.Function))
        {
            return false;
        }

        if (path.IsAsync)
        {
            return true;
        }

        if (path.Kind == HandlerPathKind.Handler && path.Handler.IsHandler && AsyncRewrite.CanBecomeAsyncVoid(path.Function))
        {
            makeAsync = LambdaValue;
            return true;
        }

        if (InPlace(threading, path) is { } inPlace)
        {
            makeAsync = inPlace;
            return true;
        }

        if (path.Kind == HandlerPathKind.Handler && path.Handler.Library is SocketLibrary.SignalRHub or SocketLibrary.AspNetSignalRHub &&
            path.Method is { } method && AsyncRewrite.CanBecomeAsyncTask(threading, method))
        {
            makeAsync = HubMethodValue;
            return true;
        }

        return false;
    }

    /// <summary><see cref="InPlaceValue"/> or <see cref="InPlaceResultValue"/> when the function returns a task without
    /// being async and may become async without changing its signature: no ref, out or ref-like parameters or locals, a
    /// body, and a task (not null or default) in every return.</summary>
    private static string? InPlace(ThreadingApis threading, HandlerPath path)
    {
        if (path.FunctionSymbol is not { } function || function.IsAsync || function.ReturnsByRef || function.ReturnsByRefReadonly ||
            function.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.AnonymousFunction) ||
            function.IsAbstract || function.IsExtern || function.PartialImplementationPart is not null)
        {
            return null;
        }

        var returnType = function.ReturnType;
        var value = returnType.IsType(threading.Task) || returnType.IsType(threading.ValueTask) ? InPlaceValue
            : returnType.IsType(threading.TaskOfT) || returnType.IsType(threading.ValueTaskOfT) ? InPlaceResultValue
            : null;
        if (value is null)
        {
            return null;
        }

        foreach (var parameter in function.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType)
            {
                return null;
            }
        }

        var body = path.Function is ILocalFunctionOperation local ? (IOperation?)local.Body : path.Function;
        if (body is null)
        {
            return null;
        }

        foreach (var descendant in body.DescendantsOutsideFunctions())
        {
            switch (descendant)
            {
                case IReturnOperation { ReturnedValue: { } returned } when returned.WithoutConversions() is ILiteralOperation or IDefaultValueOperation ||
                                                                          returned.ConstantValue.HasValue:
                case IVariableDeclaratorOperation { Symbol: var declared } when declared.IsRef || declared.Type.IsRefLikeType:
                    return null;
            }
        }

        return value;
    }
}
