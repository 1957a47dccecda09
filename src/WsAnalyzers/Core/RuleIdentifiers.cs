namespace WsAnalyzers.Core;

/// <summary>The rule IDs of the contract (shared/RULES.md). Families: WS1 reconnect, WS2 resource bounds,
/// WS3 sending, WS4 message handlers, WS5 receive-loop protocol, WS6 configuration and security.</summary>
public static class RuleIdentifiers
{
    public const string ReconnectWithoutDelay = "WS1001";
    public const string ReconnectWithoutBackoff = "WS1002";
    public const string ReconnectAfterNormalClosure = "WS1003";
    public const string ClientWebSocketReused = "WS1004";
    public const string ConnectionPerMessage = "WS1005";
    public const string ConnectionCollectionNeverShrunk = "WS2001";
    public const string MessageHistoryUnbounded = "WS2002";
    public const string ConnectionNotRemovedOnEveryClosePath = "WS2003";
    public const string SendWithoutStateCheck = "WS3001";
    public const string BroadcastStopsAtFirstFailure = "WS3002";
    public const string SendNotAwaited = "WS3003";
    public const string CpuBoundLoopInHandler = "WS4001";
    public const string BlockingCallInHandler = "WS4002";
    public const string ReceiveLoopIgnoresClose = "WS5001";
    public const string MessageAssembledWithoutLimit = "WS5002";
    public const string EndOfMessageNotChecked = "WS5003";
    public const string NoKeepAliveTimeout = "WS6001";
    public const string UnencryptedEndpoint = "WS6002";
    public const string AcceptWithoutOriginCheck = "WS6003";
}
