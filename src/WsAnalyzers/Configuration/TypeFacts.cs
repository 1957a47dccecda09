using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Apis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Configuration;

/// <summary>What a type (all its parts) does for the keep-alive of the ClientWebSockets it creates.</summary>
internal sealed class TypeFacts
{
    private TypeFacts(bool keepsAlive) => KeepsAlive = keepsAlive;

    /// <summary>The type sets ClientWebSocketOptions.KeepAliveTimeout somewhere (on any socket's options), or, when it
    /// does not, runs an application heartbeat with a reply timeout (<see cref="Heartbeats"/>).</summary>
    public bool KeepsAlive { get; }

    public static TypeFacts Collect(INamedTypeSymbol type, WebSocketApis apis, ConfigurationCaches caches, SemanticModel? current, CancellationToken cancellation)
    {
        var timeout = apis.Configuration.ClientKeepAliveTimeout;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellation);
            if (!SourceSpans.Contains(declaration, ConfigurationTypes.KeepAliveTimeoutName))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in declaration.DescendantNodes())
            {
                // An initializer configures its own socket only; a statement may configure any (a helper given the options).
                if (node is IdentifierNameSyntax { Identifier.ValueText: ConfigurationTypes.KeepAliveTimeoutName } identifier &&
                    identifier.FirstAncestorOrSelf<InitializerExpressionSyntax>() is null &&
                    (model ??= caches.ModelOf(reference.SyntaxTree, current)).GetSymbolInfo(identifier, cancellation).Symbol is IPropertySymbol property &&
                    SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, timeout))
                {
                    return new TypeFacts(keepsAlive: true);
                }
            }
        }

        // Only looked for when the timeout is not set: it binds the comparisons and cancellation sources it finds.
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellation);
            if (Heartbeats.AnyIn(declaration, () => caches.ModelOf(reference.SyntaxTree, current), apis, cancellation))
            {
                return new TypeFacts(keepsAlive: true);
            }
        }

        return new TypeFacts(keepsAlive: false);
    }
}
