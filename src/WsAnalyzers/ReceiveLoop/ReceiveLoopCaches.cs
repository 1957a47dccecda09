using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>What the receive-loop rules remember for one compilation (created at compilation start by
/// <see cref="ReceiveLoopAnalyzer"/>): the scan of each function a receive or an append asked about, so that WS5002 and
/// WS5003 and every receive and append of one function share one walk of it.</summary>
internal sealed class ReceiveLoopCaches
{
    private readonly ConcurrentDictionary<IOperation, ReceiveFunction> _functions = new();
    private readonly Func<IOperation, ReceiveFunction> _scan;

    public ReceiveLoopCaches(WebSocketApis apis) => _scan = body => ReceiveFunction.Scan(apis, body);

    /// <summary>The scan of the function (method body, lambda or local function) <paramref name="body"/>.</summary>
    public ReceiveFunction FunctionOf(IOperation body) => _functions.GetOrAdd(body, _scan);
}
