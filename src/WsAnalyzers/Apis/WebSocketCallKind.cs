namespace WsAnalyzers.Apis;

internal enum WebSocketCallKind
{
    Send,
    Receive,
    Connect,
    Accept,
    Close,
}
