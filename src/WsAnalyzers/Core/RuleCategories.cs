namespace WsAnalyzers.Core;

/// <summary>The category of each rule family. It names the family's folder, namespace and analyzer
/// (<c>Reconnect/ReconnectAnalyzer</c>); the architecture tests hold the three to it.</summary>
internal static class RuleCategories
{
    public const string Reconnect = "Reconnect";
    public const string ResourceBounds = "ResourceBounds";
    public const string Sending = "Sending";
    public const string MessageHandlers = "MessageHandlers";
    public const string ReceiveLoop = "ReceiveLoop";
    public const string Configuration = "Configuration";
}
