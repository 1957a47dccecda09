using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>What the receive-loop rules remember for one compilation (created at compilation start by
/// <see cref="ReceiveLoopAnalyzer"/>): the scan of each function a receive or an append asked about, so that WS5002 and
/// WS5003 and every receive and append of one function share one walk of it. The receives and appends of one function
/// are analyzed one after the other (one operation block at a time), so only the last few scans are kept: a table of
/// every scanned body kept each body's operation tree, and with it the bound state of its whole file, alive until the
/// end of the compilation, which made every garbage collection of the build slower.</summary>
internal sealed class ReceiveLoopCaches
{
    private const int RecentCapacity = 8;

    private readonly WebSocketApis _apis;
    private readonly IOperation?[] _bodies = new IOperation?[RecentCapacity];
    private readonly ReceiveFunction?[] _functions = new ReceiveFunction?[RecentCapacity];
    private int _next;

    public ReceiveLoopCaches(WebSocketApis apis) => _apis = apis;

    /// <summary>The scan of the function (method body, lambda or local function) <paramref name="body"/>.</summary>
    public ReceiveFunction FunctionOf(IOperation body)
    {
        lock (_bodies)
        {
            for (var i = 0; i < RecentCapacity; i++)
            {
                if (ReferenceEquals(_bodies[i], body))
                {
                    return _functions[i]!;
                }
            }
        }

        // A scan depends only on the body: two threads asking at once get equal answers.
        var function = ReceiveFunction.Scan(_apis, body);
        Remember(body, function);
        return function;
    }

    /// <summary>The one walk of an operation block that may receive: adds to <paramref name="candidates"/> what the rules
    /// start from (<see cref="ReceiveFunction.Scan"/>) and, as the same walk scans the block, keeps the scan for the
    /// receives and appends of the block's own function (<see cref="WsAnalyzers.Operations.OperationExtensions.EnclosingFunction"/> of an
    /// operation outside lambdas is the root of its tree), instead of walking the block once for the candidates and once
    /// more for the scan.</summary>
    public void ScanBlock(IOperation block, List<IOperation> candidates)
    {
        var root = FunctionRootOf(block);
        var function = ReceiveFunction.Scan(_apis, root, candidates);
        if (root.Parent is null)
        {
            Remember(root, function);
        }
    }

    /// <summary>What to scan for an operation block: the driver hands a method's or constructor's body block, whose
    /// parent is the root of the tree (<see cref="IMethodBodyOperation"/>, <see cref="IConstructorBodyOperation"/>), and
    /// the receives and appends ask for that root (<see cref="WsAnalyzers.Operations.OperationExtensions.EnclosingFunction"/>). When the block is
    /// the root's only child, the scan of the root is the scan of the block (the root itself is none of the kinds a scan
    /// keeps) and is the one kept: scanning the block alone left every method to be scanned a second time.</summary>
    private static IOperation FunctionRootOf(IOperation block)
    {
        if (block.Parent is not { Parent: null } root || root.Kind is not (OperationKind.MethodBody or OperationKind.ConstructorBody))
        {
            return block;
        }

        var children = 0;
        foreach (var child in root.ChildOperations)
        {
            if (++children > 1 || child != block)
            {
                return block;
            }
        }

        return root;
    }

    private void Remember(IOperation body, ReceiveFunction function)
    {
        lock (_bodies)
        {
            _bodies[_next] = body;
            _functions[_next] = function;
            _next = (_next + 1) % RecentCapacity;
        }
    }
}
