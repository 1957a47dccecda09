using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.Configuration;

/// <summary>
/// WS6003: an ASP.NET Core <c>AcceptWebSocketAsync</c> in a project that neither sets WebSocketOptions.AllowedOrigins
/// nor reads the Origin header anywhere (the rule does not follow the pipeline's order: a check in a middleware of
/// another file counts), unless the endpoint requires an authenticated user with a credential the browser does not send
/// by itself (<see cref="EndpointAuthorization"/>). No fix: only the application knows which origins are its own.
/// </summary>
internal static class AcceptWithoutOriginCheckRule
{
    public static bool AppliesTo(WebSocketApis apis) => apis.AspNetWebSocketManager is not null;

    public static void Analyze(OperationAnalysisContext context, WebSocketApis apis, ConfigurationCaches caches, IInvocationOperation accept)
    {
        var origins = caches.Project(ProjectFactGroup.Origins, context.CancellationToken);
        if (origins.AllowedOriginsSet || origins.OriginHeaderRead)
        {
            return;
        }

        var authorization = EndpointAuthorization.Of(apis, caches, accept, context.ContainingSymbol, context.CancellationToken);
        var ambient = authorization.Required &&
                      authorization.AcceptsAmbientCredentials(caches.Project(ProjectFactGroup.AmbientSchemes, context.CancellationToken));
        if (authorization.Required && !ambient)
        {
            return;
        }

        var detail = ambient ? " and authenticates with a credential the browser sends by itself (a cookie or Windows authentication)" : string.Empty;
        context.Report(Diagnostic.Create(Descriptors.WS6003AcceptWithoutOriginCheck, accept.Syntax.GetLocation(), detail));
    }
}
