using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.ResourceBounds;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>
/// The end-of-connection override the removal goes into for the ASP.NET SignalR 2 and EmbedIO shapes, in the API's own
/// form: <c>OnDisconnected(bool stopCalled)</c> in a Hub, <c>OnDisconnected(IRequest, string, bool)</c> in a
/// PersistentConnection, <c>OnClientDisconnectedAsync(IWebSocketContext)</c> in an EmbedIO WebSocketModule. The parameters
/// of those overrides are the ones the open handlers are given (the same connection), so a removal that names the open
/// handler's <c>connectionId</c> or <c>context</c> stays in scope when the override has a parameter of that name and type.
/// </summary>
internal static class CloseOverrides
{
    private const string PersistentConnection = "Microsoft.AspNet.SignalR.PersistentConnection";

    private const string HubTemplate =
        "public override global::System.Threading.Tasks.Task OnDisconnected(bool stopCalled)\n{{\n    return base.OnDisconnected(stopCalled);\n}}";

    private const string PersistentConnectionTemplate =
        "protected override global::System.Threading.Tasks.Task OnDisconnected(global::Microsoft.AspNet.SignalR.IRequest request, string connectionId, bool stopCalled)\n{{\n    return base.OnDisconnected(request, connectionId, stopCalled);\n}}";

    private const string EmbedIOTemplate =
        "protected override global::System.Threading.Tasks.Task OnClientDisconnectedAsync(global::EmbedIO.WebSockets.IWebSocketContext context)\n{{\n    return base.OnClientDisconnectedAsync(context);\n}}";

    /// <summary>The name of the override a shape's removal goes into, or null for the other shapes.</summary>
    public static string? Name(RegistrationShape shape) => shape switch
    {
        RegistrationShape.AspNetHub => "OnDisconnected",
        RegistrationShape.EmbedIO => "OnClientDisconnectedAsync",
        _ => null,
    };

    /// <summary>The override to add when the class has none (a string.Format template, as ConnectionRemovalEdits uses).</summary>
    public static string? Template(SemanticModel model, SyntaxNode add, RegistrationShape shape, CancellationToken cancellationToken) => shape switch
    {
        RegistrationShape.AspNetHub => ClassOf(model, add, cancellationToken) is { } type && DerivesFrom(type, PersistentConnection)
            ? PersistentConnectionTemplate
            : HubTemplate,
        RegistrationShape.EmbedIO => EmbedIOTemplate,
        _ => null,
    };

    /// <summary>True when the override the removal goes into (the class's own, else the base method the template
    /// overrides) has a parameter with the name and type of <paramref name="parameter"/>.</summary>
    public static bool HasParameter(SemanticModel model, SyntaxNode add, RegistrationShape shape, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        if (Name(shape) is not { } name || ClassOf(model, add, cancellationToken) is not { } type)
        {
            return false;
        }

        var target = type.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.IsOverride) ??
                     BaseMethod(type, name);
        return target is not null &&
               target.Parameters.Any(p => p.Name == parameter.Name && SymbolEqualityComparer.Default.Equals(p.Type, parameter.Type));
    }

    /// <summary>The overridable method of a base type the template overrides: the one with the most parameters
    /// (SignalR 2's OnDisconnected(bool), not its obsolete parameterless form).</summary>
    private static IMethodSymbol? BaseMethod(INamedTypeSymbol type, string name)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var method = current.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.IsVirtual || m.IsAbstract || m.IsOverride)
                .OrderByDescending(m => m.Parameters.Length).FirstOrDefault();
            if (method is not null)
            {
                return method;
            }
        }

        return null;
    }

    private static INamedTypeSymbol? ClassOf(SemanticModel model, SyntaxNode add, CancellationToken cancellationToken) =>
        add.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } declaration ? model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol : null;

    private static bool DerivesFrom(INamedTypeSymbol type, string metadataName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == metadataName)
            {
                return true;
            }
        }

        return false;
    }
}
