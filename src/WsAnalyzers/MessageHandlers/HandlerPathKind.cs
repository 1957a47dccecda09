using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>Where an operation runs relative to the message handlers: directly on a handler's receive path, in an
/// ordinary method that a handler may call, or somewhere else (a nested lambda, offloaded work, a local function).</summary>
internal enum HandlerPathKind
{
    None,
    Handler,
    Method,
}
