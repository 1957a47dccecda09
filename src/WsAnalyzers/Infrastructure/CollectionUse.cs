using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

/// <summary>One recorded use of a long-lived collection, kept until the compilation-end pass.</summary>
internal sealed class CollectionUse
{
    public CollectionUse(ISymbol member, CollectionUseKind kind, IOperation operation, ISymbol containingSymbol)
    {
        Member = member;
        Kind = kind;
        Operation = operation;
        ContainingSymbol = containingSymbol;
    }

    /// <summary>The field, property or top-level local (its original definition).</summary>
    public ISymbol Member { get; }

    public CollectionUseKind Kind { get; }

    /// <summary>The invocation, assignment or reference that performs the use.</summary>
    public IOperation Operation { get; }

    /// <summary>The method (or member initializer) the use is in; lambdas report their enclosing method.</summary>
    public ISymbol ContainingSymbol { get; }

    /// <summary>For adds: runs when a connection opens (OnConnectedAsync, OnOpen, after AcceptWebSocketAsync).</summary>
    public bool OnConnectionOpenPath { get; set; }

    /// <summary>For adds: stores a connection or a connection's identifier.</summary>
    public bool StoresConnectionHandle { get; set; }

    /// <summary>For adds: runs in a message handler or a receive loop.</summary>
    public bool InMessageHandler { get; set; }
}
