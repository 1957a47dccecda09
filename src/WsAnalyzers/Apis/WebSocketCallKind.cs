namespace WsAnalyzers.Infrastructure;

internal enum WebSocketCallKind
{
    Send,
    Receive,
    Connect,
    Accept,
    Close,
}
