using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.Reconnect;

/// <summary>WS1001: a close / error handler, catch block, retry loop or recursive retry reconnects with no delay on the way.</summary>
internal static class ReconnectWithoutDelayRule
{
    /// <summary>Reports a reconnect analysed as having no delay on its retry path.</summary>
    internal static void Report(OperationAnalysisContext context, WebSocketApis apis, ReconnectFinding finding) =>
        context.Report(ReconnectDiagnostics.Create(apis, Descriptors.WS1001ReconnectWithoutDelay, finding, ReconnectDiagnostics.Describe(finding.Path.Kind)));
}
