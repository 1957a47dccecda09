using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;

namespace WsAnalyzers.Reconnect;

/// <summary>WS1003: a close handler reconnects without looking at the close code, the clean flag, Closed's error argument
/// or the disconnection type, so an intentional close is fought.</summary>
internal static class ReconnectAfterNormalClosureRule
{
    /// <summary>Which guard fits: a <see cref="SocketLibrary"/> name.</summary>
    public const string LibraryProperty = "Library";

    /// <summary>The name of the handler's close-information parameter, when it has one the guard can read.</summary>
    public const string ParameterProperty = "Parameter";

    /// <summary>The position of the handler's close-information parameter, also when it is a discard the fix may name.</summary>
    public const string ParameterOrdinalProperty = "ParameterOrdinal";

    /// <summary>Only these libraries have close handlers that tell an intentional close from a failure, or (ASP.NET
    /// SignalR 2) run after the application's own Stop() as after a failure, so only a flag of the application tells them apart.</summary>
    internal static bool AppliesTo(WebSocketApis apis) =>
        apis.SharpWebSocket is not null || apis.HubConnection is not null || apis.WebsocketClient is not null || apis.WebsocketClientInterface is not null ||
        apis.AspNetClientConnection is not null;

    /// <summary>Judges a reconnect call (a connect, or a source call that reaches one), also when the close handler runs
    /// it later (a queued closure, <c>Task.Run</c>): <paramref name="path"/> and <paramref name="end"/> are what
    /// <see cref="RetryPath.FindThroughDeferrals"/> gives for it.</summary>
    internal static void Analyze(OperationAnalysisContext context, WebSocketApis apis, IInvocationOperation invocation, RetryPath path, IOperation end)
    {
        var handler = path.Handler;
        if (path.Kind != RetryPathKind.Handler || handler.Kind != HandlerKind.Close)
        {
            return;
        }

        var closeInfo = CloseInfoChecks.CloseInfoParameter(apis, handler, context.ContainingSymbol);
        if (CloseInfoChecks.LooksAtCloseReason(apis, handler, end, closeInfo))
        {
            return;
        }

        var what = handler.Library switch
        {
            SocketLibrary.SignalRClient => "Closed's error argument (null after StopAsync)",
            SocketLibrary.WebsocketClient => "DisconnectionInfo.Type",
            SocketLibrary.AspNetSignalRClient => "whether Stop() was called (SignalR 2 raises Closed after Stop() too, with no reason)",
            _ => "the close code",
        };
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(LibraryProperty, handler.Library.ToString())
            .Add(ParameterProperty, closeInfo is { IsDiscard: false } && closeInfo.Name.Length > 0 ? closeInfo.Name : null)
            .Add(ParameterOrdinalProperty, closeInfo?.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Report(Diagnostic.Create(
            Descriptors.WS1003ReconnectAfterNormalClosure, invocation.Syntax.GetLocation(), properties, invocation.TargetMethod.Name, what));
    }
}
