namespace WsAnalyzers.MessageHandlers;

/// <summary>Where an operation runs relative to the message handlers: directly on a handler's receive path, in an
/// ordinary method that a handler may call, or somewhere else (a nested lambda, offloaded work, a local function).</summary>
internal enum HandlerPathKind
{
    None,
    Handler,
    Method,
}
