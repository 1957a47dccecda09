using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Configuration;

/// <summary>
/// The configuration and security rules, WS6001 to WS6003: one invocation action for the middleware and accept calls
/// (UseWebSockets, AcceptWebSocketAsync, rejected by name before anything is bound), one object-creation action for
/// ClientWebSocket (registered only where the framework has a client keep-alive timeout), and one literal action for
/// ws:// endpoints (rejected by the literal's first characters). What a finding depends on elsewhere in the project
/// (options set in another file, an Origin check in a middleware, the authentication schemes) is looked up once per
/// compilation, when the first candidate needs it (<see cref="ConfigurationCaches"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationAnalyzer : WebSocketAnalyzer
{
    public ConfigurationAnalyzer()
        : base(
            Descriptors.WS6001NoKeepAliveTimeout,
            Descriptors.WS6002UnencryptedEndpoint,
            Descriptors.WS6003AcceptWithoutOriginCheck)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        var compilation = context.Compilation;
        var cancellation = context.CancellationToken;
        var keepAlive = Runs(compilation, Descriptors.WS6001NoKeepAliveTimeout, cancellation);
        var serverKeepAlive = keepAlive && NoKeepAliveTimeoutRule.AppliesToServers(apis);
        var clientKeepAlive = keepAlive && NoKeepAliveTimeoutRule.AppliesToClients(apis);
        var endpoints = Runs(compilation, Descriptors.WS6002UnencryptedEndpoint, cancellation);
        var origins = Runs(compilation, Descriptors.WS6003AcceptWithoutOriginCheck, cancellation) && AcceptWithoutOriginCheckRule.AppliesTo(apis);
        var caches = new ConfigurationCaches(apis);

        if (serverKeepAlive || origins)
        {
            RegisterOperationAction(context, AnalyzeInvocation, OperationKind.Invocation);
        }

        if (clientKeepAlive)
        {
            RegisterOperationAction(context, c => NoKeepAliveTimeoutRule.AnalyzeClientCreation(c, apis, caches), OperationKind.ObjectCreation);
        }

        if (endpoints)
        {
            RegisterOperationAction(context, c => UnencryptedEndpointRule.Analyze(c, apis), OperationKind.Literal);
        }

        void AnalyzeInvocation(OperationAnalysisContext c)
        {
            var invocation = (IInvocationOperation)c.Operation;
            var name = invocation.TargetMethod.Name;
            if (name == "AcceptWebSocketAsync")
            {
                if (!invocation.TargetMethod.ContainingType.IsType(apis.AspNetWebSocketManager))
                {
                    return;
                }

                if (origins)
                {
                    AcceptWithoutOriginCheckRule.Analyze(c, apis, caches, invocation);
                }

                if (serverKeepAlive)
                {
                    NoKeepAliveTimeoutRule.AnalyzeAccept(c, apis, caches, invocation);
                }
            }
            else if (serverKeepAlive && name == "UseWebSockets")
            {
                NoKeepAliveTimeoutRule.AnalyzeMiddleware(c, apis, caches, invocation);
            }
        }
    }
}
