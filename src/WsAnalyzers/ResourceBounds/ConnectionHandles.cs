using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// Answers "is this a connection": a System.Net WebSocket or WebSocketContext (HttpListener, System.Web), a Fleck
/// connection, a websocket-sharp socket or session (WebSocketBehavior), a SignalR or ASP.NET SignalR 2 HubCallerContext,
/// an EmbedIO IWebSocketContext or IWebSocket, or a value that names one (Context.ConnectionId, a session's ID, a Fleck
/// connection's ConnectionInfo.Id, an EmbedIO context's Id).
/// </summary>
internal static class ConnectionHandles
{
    public static bool IsConnectionType(WebSocketApis apis, ITypeSymbol? type) =>
        IsLibraryConnection(apis, type) || WrapsConnection(apis, type);

    // Nine base-type and interface walks per question, asked again for every collection of a type argument (WebSocket,
    // string, Guid...): answered once per type instance and compilation (its WebSocketApis).
    private static readonly ConditionalWeakTable<WebSocketApis, ConcurrentDictionary<ITypeSymbol, bool>> LibraryConnections = new();

    private static bool IsLibraryConnection(WebSocketApis apis, ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        var known = LibraryConnections.GetValue(apis, static _ => new ConcurrentDictionary<ITypeSymbol, bool>(SameInstance<ITypeSymbol>.Comparer));
        if (!known.TryGetValue(type, out var isConnection))
        {
            isConnection = InheritsFromLibraryConnection(apis, type);
            known.TryAdd(type, isConnection);
        }

        return isConnection;
    }

    private static bool InheritsFromLibraryConnection(WebSocketApis apis, ITypeSymbol type) =>
        (type.IsOrInheritsFrom(apis.WebSocket) || type.IsOrInheritsFrom(apis.FleckConnection) ||
         type.IsOrInheritsFrom(apis.SharpWebSocket) || type.IsOrInheritsFrom(apis.SharpWebSocketBehavior) ||
         type.IsOrInheritsFrom(apis.Collections.HubCallerContext) || type.IsOrInheritsFrom(apis.WebSocketContext) ||
         type.IsOrInheritsFrom(apis.AspNetHubCallerContext) || type.IsOrInheritsFrom(apis.EmbedIOWebSocketContext) ||
         type.IsOrInheritsFrom(apis.EmbedIOWebSocket));

    /// <summary>A class, record or struct of the compilation that holds a connection in an instance field or property
    /// (<c>record User(string Name, WebSocket Socket)</c>): a collection of them is a collection of connections.</summary>
    private static bool WrapsConnection(WebSocketApis apis, ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named ||
            named.Locations.Length == 0 || !named.Locations[0].IsInSource)
        {
            return false;
        }

        foreach (var member in named.GetMembers())
        {
            var memberType = member switch
            {
                IFieldSymbol { IsStatic: false } field => field.Type,
                IPropertySymbol { IsStatic: false, IsIndexer: false } property => property.Type,
                _ => null,
            };
            if (IsLibraryConnection(apis, memberType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a collection whose elements, keys or values are connections.</summary>
    public static bool HoldsConnections(WebSocketApis apis, ITypeSymbol? collectionType)
    {
        if (collectionType is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return false;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (ConnectionHandles.IsConnectionType(apis, argument))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="value"/> is a connection or a connection's identifier (not merely mentions one).</summary>
    public static bool IsConnectionHandle(WebSocketApis apis, IOperation? value)
    {
        var unwrapped = value?.WithoutConversions();
        return unwrapped is not null &&
               (ConnectionHandles.IsConnectionType(apis, unwrapped.Type) ||
                unwrapped is IPropertyReferenceOperation property && IsIdentifier(apis, property));
    }

    private static bool IsIdentifier(WebSocketApis apis, IPropertyReferenceOperation property)
    {
        var type = property.Property.ContainingType;
        return property.Property.Name switch
        {
            "ConnectionId" => type.IsOrInheritsFrom(apis.Collections.HubCallerContext) || type.IsOrInheritsFrom(apis.AspNetHubCallerContext),
            "ID" => type.IsOrInheritsFrom(apis.SharpWebSocketBehavior),
            "Id" => (property.Instance?.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "ConnectionInfo" } info &&
                     info.Property.ContainingType.IsOrInheritsFrom(apis.FleckConnection)) ||
                    type.IsOrInheritsFrom(apis.EmbedIOWebSocketContext),
            _ => false,
        };
    }
}
