using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;

namespace WsAnalyzers.ResourceBounds;

/// <summary>Decisions shared by the connection-collection rules (WS2001, WS2003) over the uses a <see cref="CollectionUseCollector"/> kept.</summary>
internal static class ConnectionCollections
{
    /// <summary>A collection of connections: its elements, keys or values are connections, or it is filled with
    /// connections, connection ids, or on a connection-open path.</summary>
    public static bool IsConnectionCollection(WebSocketApis apis, ISymbol member, IEnumerable<CollectionUse> adds) =>
        ConnectionHandles.HoldsConnections(apis, TypeOf(member)) || adds.Any(add => add.OnConnectionOpenPath || add.StoresConnectionHandle);

    /// <summary>Adds that grow the collection at run time (not in constructors or initializers).</summary>
    public static List<CollectionUse> Adds(IEnumerable<CollectionUse> uses) => uses.Where(use => use.Kind == CollectionUseKind.Add).ToList();

    public static RegistrationShape ShapeOf(WebSocketApis apis, CollectionUse add)
    {
        var handler = add.Handler;
        if (handler.Library == SocketLibrary.SignalRHub &&
            (handler.Kind == HandlerKind.Open || (handler.Kind == HandlerKind.Message && add.StoresConnectionHandle)))
        {
            return RegistrationShape.Hub;
        }

        if (handler.Library == SocketLibrary.WebSocketSharpBehavior && handler.Kind == HandlerKind.Open)
        {
            return RegistrationShape.Behavior;
        }

        if (handler.Library is SocketLibrary.AspNetSignalRHub or SocketLibrary.EmbedIO &&
            (handler.Kind == HandlerKind.Open || (handler.Kind == HandlerKind.Message && add.StoresConnectionHandle)))
        {
            return handler.Library == SocketLibrary.EmbedIO ? RegistrationShape.EmbedIO : RegistrationShape.AspNetHub;
        }

        return ConnectionOpenPaths.FindFleckServerCallback(apis, add.Operation) is not null ? RegistrationShape.Fleck : RegistrationShape.Function;
    }

    public static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        ILocalSymbol local => local.Type,
        _ => null,
    };
}
