using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Apis;

/// <summary>
/// Answers "is this the socket of that connection context": the <c>WebSocket</c> property of a context
/// (HttpListener's and System.Web's <c>WebSocketContext</c>, EmbedIO's <c>IWebSocketContext</c>) read directly
/// (<c>context.WebSocket.SendAsync(...)</c>) or through a local initialised from it (<c>var socket = context.WebSocket;</c>).
/// </summary>
internal static class ContextSockets
{
    private const string SocketProperty = "WebSocket";

    /// <summary>True when <paramref name="socket"/> is the WebSocket of the context <paramref name="context"/> names (a
    /// local, parameter, field or property).</summary>
    public static bool IsSocketOf(IOperation? socket, ISymbol context)
    {
        switch (socket?.WithoutConversions())
        {
            case IPropertyReferenceOperation property:
                return IsContextProperty(property, context);
            case ILocalReferenceOperation local:
                return LocalDeclarations.DeclaratorOf(local)?.GetVariableInitializer()?.Value.WithoutConversions() is IPropertyReferenceOperation initializer &&
                       IsContextProperty(initializer, context);
            default:
                return false;
        }
    }

    /// <summary>True for <c>x.WebSocket</c> where x names <paramref name="context"/>.</summary>
    public static bool IsContextProperty(IPropertyReferenceOperation property, ISymbol context) =>
        property.Property.Name == SocketProperty && property.Arguments.Length == 0 &&
        SymbolEqualityComparer.Default.Equals(property.Instance.ReferencedSymbol(), context);

    /// <summary>True for <c>x.WebSocket</c> on any value: the property that turns a context into its socket.</summary>
    public static bool IsSocketProperty(IOperation operation) =>
        operation is IPropertyReferenceOperation { Property.Name: SocketProperty, Arguments.Length: 0 };
}
