using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Core;

namespace WsAnalyzers.Reconnect;

/// <summary>WS1001 to WS1005 in one analyzer: what the package ships for the client connection rules.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientConnectionAnalyzer : ClientConnectionRules
{
    public ClientConnectionAnalyzer()
        : base(
            Descriptors.WS1001ReconnectWithoutDelay,
            Descriptors.WS1002ReconnectWithoutBackoff,
            Descriptors.WS1003ReconnectAfterNormalClosure,
            Descriptors.WS1004ClientWebSocketReused,
            Descriptors.WS1005ConnectionPerMessage)
    {
    }
}
