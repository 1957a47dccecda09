using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// WS4002: Thread.Sleep, Task.Wait/WaitAll/WaitAny, .Result, GetAwaiter().GetResult() or a synchronous wait on a
/// semaphore or event on the path of a message handler. Outside handlers nothing is reported (that is VSTHRD002's job).
/// </summary>
internal static class BlockingCallInHandlerRule
{
    /// <summary>The <see cref="BlockingKind"/> the fix rewrites; absent when no safe await replacement exists here.</summary>
    public const string FixProperty = "Fix";

    /// <summary>"true" when the enclosing lambda must become async for the fix (an event-handler lambda);
    /// <see cref="HubMethodValue"/> when the enclosing SignalR hub method must become async and return a Task.</summary>
    public const string MakeAsyncProperty = "MakeAsync";

    public const string HubMethodValue = "HubMethod";

    /// <summary>A blocking call or property read: the cheap symbol test run on every invocation and property reference.</summary>
    internal static bool IsCandidate(ThreadingApis threading, IOperation operation) => BlockingCalls.Classify(threading, operation) != BlockingKind.None;

    /// <summary>The diagnostic for a blocking call on a handler path, with the fix it allows there.</summary>
    internal static Diagnostic Diagnose(ThreadingApis threading, IOperation operation, HandlerPath path)
    {
        var kind = BlockingCalls.Classify(threading, operation);
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (kind is not BlockingKind.Other && !AsyncRewrite.IsInLock(operation, path.Function))
        {
            if (path.IsAsync)
            {
                properties = properties.Add(FixProperty, kind.ToString());
            }
            else if (path.Kind == HandlerPathKind.Handler && AsyncRewrite.CanBecomeAsyncVoid(path.Function))
            {
                properties = properties.Add(FixProperty, kind.ToString()).Add(MakeAsyncProperty, "true");
            }
            else if (path.Kind == HandlerPathKind.Handler && path.Handler.Library is SocketLibrary.SignalRHub or SocketLibrary.AspNetSignalRHub &&
                     path.Method is { } method && AsyncRewrite.CanBecomeAsyncTask(threading, method))
            {
                properties = properties.Add(FixProperty, kind.ToString()).Add(MakeAsyncProperty, HubMethodValue);
            }
        }

        var member = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            _ => null,
        };
        return Diagnostic.Create(
            Descriptors.WS4002BlockingCallInHandler, operation.Syntax.GetLocation(), properties, member?.ContainingType.Name + "." + member?.Name);
    }
}
