namespace WsAnalyzers.Core;

internal static class RuleCategories
{
    public const string Reconnect = "Reconnect";
    public const string ResourceBounds = "ResourceBounds";
    public const string Sending = "Sending";
    public const string MessageHandlers = "MessageHandlers";
    public const string ReceiveLoop = "ReceiveLoop";
    public const string Security = "Security";
}
