namespace WsAnalyzers.ReceiveLoop;

/// <summary>How received bytes are used as a whole message (WS5003's message says which).</summary>
internal enum MessageUse
{
    None,
    Decoded,
    Deserialised,
    Dispatched,
}
