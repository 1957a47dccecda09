using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// Answers "does this storage live as long as the server": static fields and auto-properties, instance fields and
/// auto-properties of classes other than SignalR and ASP.NET SignalR 2 hubs, SignalR 2 persistent connections and
/// websocket-sharp behaviors (those are created per call or per session, so their instance state dies with them; an
/// EmbedIO module lives as long as its server), and locals of top-level statements (captured by the endpoints they map).
/// </summary>
internal static class LongLivedMembers
{
    public static bool IsLongLived(WebSocketApis apis, ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => !field.IsConst && !field.IsImplicitlyDeclared && (field.IsStatic || LongLivedMembers.InstancesLiveLong(apis, field.ContainingType)),
        IPropertySymbol property => !property.IsIndexer && IsAutoProperty(property) &&
                                    (property.IsStatic || LongLivedMembers.InstancesLiveLong(apis, property.ContainingType)),
        ILocalSymbol local => IsTopLevel(local),
        _ => false,
    };

    private static bool InstancesLiveLong(WebSocketApis apis, INamedTypeSymbol? type) =>
        type is { TypeKind: TypeKind.Class } &&
        !type.IsOrInheritsFrom(apis.Hub) && !type.IsOrInheritsFrom(apis.SharpWebSocketBehavior) &&
        !type.IsOrInheritsFrom(apis.AspNetHub) && !type.IsOrInheritsFrom(apis.AspNetPersistentConnection);

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        if (property.IsAbstract || property.DeclaringSyntaxReferences.Length != 1 ||
            property.DeclaringSyntaxReferences[0].GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
        {
            return false;
        }

        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTopLevel(ILocalSymbol local) =>
        local.DeclaringSyntaxReferences.Length == 1 &&
        local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<GlobalStatementSyntax>() is not null;
}
