using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Core;

namespace WsAnalyzers.Sending;

/// <summary>WS3001 to WS3003 in one analyzer: what the package ships for the send rules.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SendAnalyzer : SendRules
{
    public SendAnalyzer()
        : base(
            Descriptors.WS3001SendWithoutStateCheck,
            Descriptors.WS3002BroadcastStopsAtFirstFailure,
            Descriptors.WS3003SendNotAwaited)
    {
    }
}
