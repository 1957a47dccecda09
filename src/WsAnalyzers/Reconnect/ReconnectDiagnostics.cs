using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Reconnect;

/// <summary>Diagnostics of the reconnect family: location, message arguments and the properties their fixes read.</summary>
internal static class ReconnectDiagnostics
{
    /// <summary>Which retry construct the reconnect is on (a <see cref="RetryPathKind"/> name).</summary>
    public const string PathKindProperty = "PathKind";

    /// <summary>"true" when the reconnect is in a SignalR HubConnection.Closed handler.</summary>
    public const string SignalRClosedProperty = "SignalRClosed";

    public static bool HasClientApi(WebSocketApis apis) =>
        apis.ClientWebSocket is not null || apis.HubConnection is not null || apis.WebsocketClient is not null ||
        apis.WebsocketClientInterface is not null || apis.SharpWebSocket is not null || apis.AspNetClientConnection is not null;

    public static string Describe(RetryPathKind kind) => kind switch
    {
        RetryPathKind.Loop => "retry loop",
        RetryPathKind.Catch => "catch block",
        RetryPathKind.Handler => "close or error handler",
        _ => "recursive retry",
    };

    /// <summary>Reported on the reconnect call; the weak delays on the path, when any, are additional locations.</summary>
    public static Diagnostic Create(WebSocketApis apis, DiagnosticDescriptor descriptor, ReconnectFinding finding, string detail)
    {
        var site = finding.Reach.Site;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(PathKindProperty, finding.Path.Kind.ToString())
            .Add(SignalRClosedProperty, IsSignalRClosed(apis, finding) ? "true" : "false");
        var additional = ImmutableArray.CreateBuilder<Location>();
        foreach (var delay in finding.Delays)
        {
            if (delay.Operation.Syntax.SyntaxTree == site.Syntax.SyntaxTree)
            {
                additional.Add(delay.Operation.Syntax.GetLocation());
            }
        }

        return Diagnostic.Create(descriptor, site.Syntax.GetLocation(), additional, properties, site.TargetMethod.Name, detail);
    }

    private static bool IsSignalRClosed(WebSocketApis apis, ReconnectFinding finding) =>
        finding.Path.Kind == RetryPathKind.Handler && finding.Path.Handler.Library == SocketLibrary.SignalRClient &&
        finding.Reach.Connect.Library == SocketLibrary.SignalRClient && apis.HubConnection is not null;
}
