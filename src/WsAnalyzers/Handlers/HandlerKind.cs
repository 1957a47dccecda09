namespace WsAnalyzers.Handlers;

/// <summary>What a callback is attached to: an open, message, close or error notification of a WebSocket API.</summary>
internal enum HandlerKind
{
    None,
    Open,
    Message,
    Close,
    Error,
}
