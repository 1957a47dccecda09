using Microsoft.CodeAnalysis;
using WsAnalyzers.Handlers;

namespace WsAnalyzers.Reconnect;

/// <summary>The retry construct a reconnect call is on, and the region in which a delay counts as "on the path".</summary>
internal readonly struct RetryPath
{
    public RetryPath(RetryPathKind kind, IOperation region, int before, Handler handler)
    {
        Kind = kind;
        Region = region;
        Before = before;
        Handler = handler;
    }

    public static RetryPath None => default;

    public RetryPathKind Kind { get; }

    /// <summary>The loop (every iteration passes through all of it) or the function whose start leads to the reconnect.</summary>
    public IOperation Region { get; }

    /// <summary>Only operations that start before this position are on the path (int.MaxValue for a loop: the whole body).</summary>
    public int Before { get; }

    /// <summary>The close / error handler, when the path is a handler.</summary>
    public Handler Handler { get; }

    public bool IsRetry => Kind != RetryPathKind.None;
}
