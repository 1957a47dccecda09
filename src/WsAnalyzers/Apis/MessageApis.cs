using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Apis;

/// <summary>
/// What a received message is made of and what code does with its bytes: the receive results, the message type, and
/// the BCL types that assemble fragments (MemoryStream, StringBuilder, List, ArrayBufferWriter) or decode them
/// (Encoding), resolved once per compilation as part of <see cref="WebSocketApis"/>.
/// </summary>
internal sealed class MessageApis
{
    public MessageApis(MetadataTypes types)
    {
        ReceiveResult = types.Find("System.Net.WebSockets.WebSocketReceiveResult");
        ValueReceiveResult = types.Find("System.Net.WebSockets.ValueWebSocketReceiveResult");
        MessageType = types.Find("System.Net.WebSockets.WebSocketMessageType");
        Stream = types.Find("System.IO.Stream");
        MemoryStream = types.Find("System.IO.MemoryStream");
        StringBuilder = types.Find("System.Text.StringBuilder");
        List = types.Find("System.Collections.Generic.List`1");
        ArrayBufferWriter = types.Find("System.Buffers.ArrayBufferWriter`1");
        BuffersExtensions = types.Find("System.Buffers.BuffersExtensions");
        Encoding = types.Find("System.Text.Encoding");
    }

    public INamedTypeSymbol? ReceiveResult { get; }
    public INamedTypeSymbol? ValueReceiveResult { get; }
    public INamedTypeSymbol? MessageType { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? MemoryStream { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? List { get; }
    public INamedTypeSymbol? ArrayBufferWriter { get; }
    public INamedTypeSymbol? BuffersExtensions { get; }
    public INamedTypeSymbol? Encoding { get; }

    /// <summary>True for WebSocketReceiveResult and ValueWebSocketReceiveResult.</summary>
    public bool IsReceiveResult(ITypeSymbol? type) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, ReceiveResult) || SymbolEqualityComparer.Default.Equals(type, ValueReceiveResult));
}
