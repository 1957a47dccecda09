using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Infrastructure;

namespace WsAnalyzers.Rules;

/// <summary>WS1003: a close handler reconnects without looking at the close code, the clean flag, Closed's error argument
/// or the disconnection type, so an intentional close is fought.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReconnectAfterNormalClosureAnalyzer : WebSocketAnalyzer
{
    /// <summary>Which guard fits: a <see cref="SocketLibrary"/> name.</summary>
    public const string LibraryProperty = "Library";

    /// <summary>The name of the handler's close-information parameter, when it has one the guard can read.</summary>
    public const string ParameterProperty = "Parameter";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WS1003ReconnectAfterNormalClosure);

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        if (apis.SharpWebSocket is null && apis.HubConnection is null && apis.WebsocketClient is null && apis.WebsocketClientInterface is null)
        {
            return;
        }

        RegisterOperationAction(context, c => Analyze(c, apis), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, WebSocketApis apis)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!apis.IsReconnectCall(invocation, out _))
        {
            return;
        }

        var path = apis.FindRetryPath(invocation, context.ContainingSymbol);
        var handler = path.Handler;
        if (path.Kind != RetryPathKind.Handler || handler.Kind != HandlerKind.Close)
        {
            return;
        }

        var closeInfo = apis.CloseInfoParameter(handler, context.ContainingSymbol);
        if (apis.LooksAtCloseReason(handler, invocation, closeInfo))
        {
            return;
        }

        var what = handler.Library switch
        {
            SocketLibrary.SignalRClient => "Closed's error argument (null after StopAsync)",
            SocketLibrary.WebsocketClient => "DisconnectionInfo.Type",
            _ => "the close code",
        };
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(LibraryProperty, handler.Library.ToString())
            .Add(ParameterProperty, closeInfo is { IsDiscard: false } && closeInfo.Name.Length > 0 ? closeInfo.Name : null);
        context.Report(Diagnostic.Create(
            Descriptors.WS1003ReconnectAfterNormalClosure, invocation.Syntax.GetLocation(), properties, invocation.TargetMethod.Name, what));
    }
}
