using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Configuration;

/// <summary>What a type (all its parts) does for the keep-alive of the ClientWebSockets it creates.</summary>
internal sealed class TypeFacts
{
    private TypeFacts(bool clientKeepAliveTimeoutSet, bool heartbeat)
    {
        ClientKeepAliveTimeoutSet = clientKeepAliveTimeoutSet;
        Heartbeat = heartbeat;
    }

    /// <summary>The type sets ClientWebSocketOptions.KeepAliveTimeout somewhere (on any socket's options).</summary>
    public bool ClientKeepAliveTimeoutSet { get; }

    /// <summary>The type runs an application heartbeat with a reply timeout (<see cref="Heartbeats"/>).</summary>
    public bool Heartbeat { get; }

    public static TypeFacts Collect(INamedTypeSymbol type, WebSocketApis apis, ConfigurationCaches caches, CancellationToken cancellation)
    {
        var timeout = apis.Configuration.ClientKeepAliveTimeout;
        var set = false;
        var heartbeat = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellation);
            var model = caches.ModelOf(reference.SyntaxTree);
            foreach (var node in declaration.DescendantNodes())
            {
                // An initializer configures its own socket only; a statement may configure any (a helper given the options).
                if (!set && node is IdentifierNameSyntax { Identifier.ValueText: ConfigurationTypes.KeepAliveTimeoutName } identifier &&
                    identifier.FirstAncestorOrSelf<InitializerExpressionSyntax>() is null &&
                    model.GetSymbolInfo(identifier, cancellation).Symbol is IPropertySymbol property &&
                    SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, timeout))
                {
                    set = true;
                }
            }

            heartbeat = heartbeat || Heartbeats.AnyIn(declaration, model, apis, cancellation);
        }

        return new TypeFacts(set, heartbeat);
    }
}
