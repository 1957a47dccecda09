using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;

namespace WsAnalyzers.ResourceBounds;

/// <summary>One recorded use of a long-lived collection, kept until the compilation-end pass. The facts about an add
/// are worked out when a rule first asks (most collections are ruled out before any rule does); the uses are read by
/// one compilation-end action, on one thread.</summary>
internal sealed class CollectionUse
{
    private readonly WebSocketApis _apis;
    private bool? _onConnectionOpenPath;
    private bool? _storesConnectionHandle;
    private bool? _inMessageHandler;
    private Handler? _handler;

    public CollectionUse(WebSocketApis apis, ISymbol member, CollectionUseKind kind, IOperation operation, ISymbol containingSymbol)
    {
        _apis = apis;
        Member = member;
        Kind = kind;
        Operation = operation;
        ContainingSymbol = containingSymbol;
    }

    /// <summary>The collection the use belongs to (uses of equal members share one), for grouping without hashing symbols.</summary>
    public CollectionUseCollector.Collection? Collection { get; set; }

    /// <summary>The field, property or top-level local (its original definition).</summary>
    public ISymbol Member { get; }

    public CollectionUseKind Kind { get; }

    /// <summary>The invocation, assignment or reference that performs the use.</summary>
    public IOperation Operation { get; }

    /// <summary>The method (or member initializer) the use is in; lambdas report their enclosing method.</summary>
    public ISymbol ContainingSymbol { get; }

    /// <summary>The handler whose body directly contains the use (<see cref="HandlerRecognition.FindEnclosing"/>), found once:
    /// the connection-open, shape and message-handler questions about an add all start from it.</summary>
    public Handler Handler => _handler ??= HandlerRecognition.FindEnclosing(_apis, Operation, ContainingSymbol);

    /// <summary>For adds: runs when a connection opens (OnConnectedAsync, OnOpen, after AcceptWebSocketAsync).</summary>
    public bool OnConnectionOpenPath => _onConnectionOpenPath ??= ConnectionOpenPaths.IsOnConnectionOpenPath(_apis, Operation, Handler);

    /// <summary>For adds: stores a connection or a connection's identifier.</summary>
    public bool StoresConnectionHandle => _storesConnectionHandle ??= CollectionUses.AddedValues(Operation).Any(value => ConnectionHandles.IsConnectionHandle(_apis, value));

    /// <summary>For adds: runs in a message handler or a receive loop.</summary>
    public bool InMessageHandler => _inMessageHandler ??=
        Handler.Kind == HandlerKind.Message || ReceiveLoops.FindEnclosingReceiveLoop(_apis, Operation) is not null;
}
