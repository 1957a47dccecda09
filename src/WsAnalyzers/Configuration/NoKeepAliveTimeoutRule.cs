using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Configuration;

/// <summary>
/// WS6001, only where the compilation's framework has the keep-alive timeout (.NET 9+: the property exists):
/// <list type="bullet">
/// <item><c>UseWebSockets()</c> when nothing in the project sets WebSocketOptions.KeepAliveTimeout or binds the options
/// from configuration; <c>UseWebSockets(options)</c> when the options object, made in the call or in the same function,
/// never gets the timeout.</item>
/// <item><c>AcceptWebSocketAsync(context)</c> when the WebSocketAcceptContext never gets the timeout and the middleware's
/// options do not set it either. An accept without a context takes the middleware's settings: the finding is on
/// UseWebSockets.</item>
/// <item><c>new ClientWebSocket()</c> when neither the creation, its function nor its type sets Options.KeepAliveTimeout
/// and the socket is not handed to code that may set it.</item>
/// </list>
/// An application heartbeat with a reply timeout (<see cref="Heartbeats"/>) counts as a keep-alive: in the creating type
/// for a client, in the project's files that spell a WebSocket API for a server (its sockets are handled away from
/// UseWebSockets). The project-wide facts are gathered only when a candidate would otherwise be reported.
/// </summary>
internal static class NoKeepAliveTimeoutRule
{
    /// <summary>How the fixer sets the timeout: <see cref="AddOptions"/> or <see cref="Initializer"/>.</summary>
    public const string FixProperty = "Fix";

    /// <summary><c>UseWebSockets()</c> gets <c>new WebSocketOptions { KeepAliveTimeout = ... }</c>.</summary>
    public const string AddOptions = "AddOptions";

    /// <summary>The object creation (the diagnostic's location, or its first additional location) gets the timeout in its initializer.</summary>
    public const string Initializer = "Initializer";

    public static bool AppliesToServers(WebSocketApis apis) =>
        apis.AspNetWebSocketManager is not null &&
        (apis.Configuration.ServerKeepAliveTimeout is not null || apis.Configuration.AcceptKeepAliveTimeout is not null);

    public static bool AppliesToClients(WebSocketApis apis) =>
        apis.ClientWebSocket is not null && apis.Configuration.ClientKeepAliveTimeout is not null;

    public static void AnalyzeMiddleware(OperationAnalysisContext context, WebSocketApis apis, ConfigurationCaches caches, IInvocationOperation invocation)
    {
        var types = apis.Configuration;
        if (types.ServerKeepAliveTimeout is not { } timeout || !invocation.TargetMethod.ContainingType.IsType(types.WebSocketMiddlewareExtensions))
        {
            return;
        }

        var options = OptionsArgument(invocation, types.WebSocketOptions);
        string? fix;
        Location? creationLocation = null;
        if (options is null)
        {
            var facts = caches.Project(ProjectFactGroup.ServerOptions, context.CancellationToken);
            if (facts.ServicesKeepAliveTimeoutSet || facts.ServerOptionsFromConfiguration || caches.ServerHeartbeat(context.CancellationToken))
            {
                return;
            }

            // Options configured through the services would be ignored once UseWebSockets gets an object of its own.
            fix = facts.ServerOptionsInServices ? null : AddOptions;
        }
        else
        {
            if (KeepAliveSettings.Of(options.Value, timeout, invocation, out var creation) != KeepAliveSetting.Missing ||
                caches.ServerHeartbeat(context.CancellationToken))
            {
                return;
            }

            fix = creation is null ? null : Initializer;
            creationLocation = creation?.Syntax.GetLocation();
        }

        Report(context, invocation.Syntax.GetLocation(), "'UseWebSockets'", "WebSocketOptions.KeepAliveTimeout", fix, creationLocation);
    }

    public static void AnalyzeAccept(OperationAnalysisContext context, WebSocketApis apis, ConfigurationCaches caches, IInvocationOperation invocation)
    {
        var types = apis.Configuration;
        if (types.AcceptKeepAliveTimeout is not { } timeout || OptionsArgument(invocation, types.WebSocketAcceptContext) is not { } acceptContext ||
            KeepAliveSettings.Of(acceptContext.Value, timeout, invocation, out var creation) != KeepAliveSetting.Missing)
        {
            return;
        }

        var facts = caches.Project(ProjectFactGroup.ServerOptions, context.CancellationToken);
        if (facts.ServerKeepAliveTimeoutSet || facts.ServerOptionsFromConfiguration || caches.ServerHeartbeat(context.CancellationToken))
        {
            return;
        }

        var creationLocation = creation?.Syntax.GetLocation();
        Report(context, invocation.Syntax.GetLocation(), "'AcceptWebSocketAsync'", "WebSocketAcceptContext.KeepAliveTimeout",
            creation is null ? null : Initializer, creationLocation);
    }

    public static void AnalyzeClientCreation(OperationAnalysisContext context, WebSocketApis apis, ConfigurationCaches caches)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var timeout = apis.Configuration.ClientKeepAliveTimeout;
        if (timeout is null || !creation.Type.IsType(apis.ClientWebSocket) || KeepAliveSettings.SetsIn(creation, timeout) ||
            Escapes(creation, context.ContainingSymbol) || SetsInFunction(creation, timeout))
        {
            return;
        }

        if (context.ContainingSymbol.ContainingType is { } type && caches.Type(type, creation.SemanticModel, context.CancellationToken).KeepsAlive)
        {
            return;
        }

        Report(context, creation.Syntax.GetLocation(), "This ClientWebSocket", "Options.KeepAliveTimeout", Initializer, null);
    }

    private static void Report(OperationAnalysisContext context, Location location, string what, string setting, string? fix, Location? creation)
    {
        var properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
        var additional = creation is null ? null : new[] { creation };
        context.Report(Diagnostic.Create(Descriptors.WS6001NoKeepAliveTimeout, location, additional, properties, what, setting));
    }

    private static IArgumentOperation? OptionsArgument(IInvocationOperation invocation, INamedTypeSymbol? optionsType)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.IsType(optionsType) == true && !argument.IsImplicit)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>Some statement of the creating function sets the timeout (<c>ws.Options.KeepAliveTimeout = ...</c>).</summary>
    private static bool SetsInFunction(IObjectCreationOperation creation, IPropertySymbol timeout)
    {
        foreach (var operation in KeepAliveSettings.Root(creation).DescendantsAndSelfIncludingFunctions())
        {
            if (operation.Kind == OperationKind.PropertyReference &&
                SymbolEqualityComparer.Default.Equals(((IPropertyReferenceOperation)operation).Property.OriginalDefinition, timeout.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The new socket, or its Options, reaches code outside its type that may configure it: returned (a factory
    /// lambda of a client library), passed to a method of another type or to a delegate, stored in another object.</summary>
    private static bool Escapes(IObjectCreationOperation creation, ISymbol containingSymbol)
    {
        var type = containingSymbol.ContainingType;
        var consumer = KeepAliveSettings.Consumer(creation);
        switch (consumer)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return LocalEscapes(declarator.Symbol, creation, type);
            case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation local:
                return LocalEscapes(local.Local, creation, type);
            case ISimpleAssignmentOperation assignment:
                return !IsOwnMember(assignment.Target, type);
            case IArgumentOperation argument:
                return HandsOff(argument, type);
            case IReturnOperation:
                return true;
            default:
                return false;
        }
    }

    private static bool LocalEscapes(ILocalSymbol local, IOperation creation, INamedTypeSymbol? type)
    {
        foreach (var operation in KeepAliveSettings.Root(creation).DescendantsAndSelfIncludingFunctions())
        {
            if (operation.Kind != OperationKind.LocalReference || !SymbolEqualityComparer.Default.Equals(((ILocalReferenceOperation)operation).Local, local))
            {
                continue;
            }

            var use = KeepAliveSettings.Consumer(operation);
            if (use is IPropertyReferenceOperation { Property.Name: "Options" } options)
            {
                use = KeepAliveSettings.Consumer(options);
            }

            switch (use)
            {
                case IArgumentOperation argument when HandsOff(argument, type):
                case IReturnOperation:
                case ISimpleAssignmentOperation assignment when assignment.Value.WithoutConversions() == operation && !IsOwnMember(assignment.Target, type):
                    return true;
            }
        }

        return false;
    }

    /// <summary>An argument to code that may configure the socket: a method of another type declared in source, a
    /// delegate, or a constructor of a class that wraps it (a client library's).</summary>
    private static bool HandsOff(IArgumentOperation argument, INamedTypeSymbol? type)
    {
        switch (argument.Parent)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.MethodKind == MethodKind.DelegateInvoke)
                {
                    return true;
                }

                return !method.ContainingType.IsType(type) && !method.DeclaringSyntaxReferences.IsEmpty;
            case IObjectCreationOperation:
                return true;
            default:
                return false;
        }
    }

    private static bool IsOwnMember(IOperation target, INamedTypeSymbol? type) => target switch
    {
        ILocalReferenceOperation => true,
        IFieldReferenceOperation field => field.Field.ContainingType.IsType(type) && field.Instance is null or IInstanceReferenceOperation,
        IPropertyReferenceOperation property => property.Property.ContainingType.IsType(type) && property.Instance is null or IInstanceReferenceOperation,
        _ => false,
    };
}
