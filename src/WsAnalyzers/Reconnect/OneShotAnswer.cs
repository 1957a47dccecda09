using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Reconnect;

/// <summary>The answer of <see cref="OneShotConnections.IsOneShotConnection(WebSocketApis, WebSocketCall, ref OneShotAnswer)"/>
/// for one connect call, kept by the caller while the rules look at that call.</summary>
internal struct OneShotAnswer
{
    public bool Known;
    public bool IsOneShot;
    public IVariableDeclaratorOperation? Declaration;
    public IInvocationOperation? Send;
}
