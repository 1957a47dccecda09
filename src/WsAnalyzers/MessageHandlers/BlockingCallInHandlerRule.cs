using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// WS4002: Thread.Sleep, Task.Wait/WaitAll/WaitAny, .Result, GetAwaiter().GetResult() or a synchronous wait on a
/// semaphore or event on a connection's processing path: a message or open handler, a receive loop, the code after an
/// accept, and the same-type methods they call. Outside those nothing is reported (that is VSTHRD002's job).
/// </summary>
internal static class BlockingCallInHandlerRule
{
    /// <summary>The <see cref="BlockingKind"/> the fix rewrites; absent when no safe await replacement exists here.
    /// With it, <see cref="AwaitFixes.MakeAsyncProperty"/> says what the function must become.</summary>
    public const string FixProperty = "Fix";

    /// <summary>A blocking call blocks wherever it is: followed as far as <see cref="HandlerReach"/> goes.</summary>
    public const int MaxCallDepth = HandlerReach.MaxCallDepth;

    /// <summary>A blocking call or property read: the cheap symbol test run on every invocation and property reference.</summary>
    internal static bool IsCandidate(ThreadingApis threading, IOperation operation) => BlockingCalls.Classify(threading, operation) != BlockingKind.None;

    /// <summary>The diagnostic for a blocking call on a handler path, with the fix it allows there.</summary>
    internal static Diagnostic Diagnose(ThreadingApis threading, IOperation operation, HandlerPath path)
    {
        var kind = BlockingCalls.Classify(threading, operation);
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (kind is not BlockingKind.Other && AwaitFixes.CanAwait(threading, operation, path, out var makeAsync))
        {
            properties = properties.Add(FixProperty, kind.ToString());
            if (makeAsync is not null)
            {
                properties = properties.Add(AwaitFixes.MakeAsyncProperty, makeAsync);
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
