using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// WS1004: ConnectAsync on a ClientWebSocket that may already have been connected: a field, property, parameter or
/// loop-external local connected again in a loop, a socket connected (or closed, aborted, disposed) earlier in the same
/// function, a field or property (or captured variable) connected from a catch block, close handler or recursive retry,
/// with no new instance on the way; or a <c>readonly</c> field (or get-only property) of the object, which can hold no
/// other instance, connected in a method that the type calls again on a retry path (a reconnect method).
/// </summary>
internal static class ClientWebSocketReusedRule
{
    /// <summary>"true" when the socket is a variable the fix may assign a new instance to.</summary>
    public const string AssignableProperty = "Assignable";

    /// <summary>What the fix must change first so the socket can be assigned: <see cref="RemoveReadOnly"/> for a readonly
    /// field, <see cref="AddSetter"/> for a get-only auto-property, declared in the same file.</summary>
    public const string MakeAssignableProperty = "MakeAssignable";

    public const string RemoveReadOnly = "RemoveReadOnly";

    public const string AddSetter = "AddSetter";

    /// <summary>Judges a connect call.</summary>
    internal static void Analyze(OperationAnalysisContext context, WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, WebSocketCall connect)
    {
        if (connect.Library != SocketLibrary.SystemNet ||
            connect.Socket is not { } socket || !socket.Type.IsOrInheritsFrom(apis.ClientWebSocket) ||
            !SocketIdentity.IsStableReference(socket) || invocation.EnclosingFunction() is not { } function ||
            !MayBeConnectedAlready(apis, caches, invocation, socket, function, context.ContainingSymbol))
        {
            return;
        }

        var makeAssignable = MakeAssignable(apis, socket, invocation.Syntax.SyntaxTree);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(AssignableProperty, IsAssignable(apis, socket) || makeAssignable is not null ? "true" : "false")
            .Add(MakeAssignableProperty, makeAssignable);
        context.Report(Diagnostic.Create(
            Descriptors.WS1004ClientWebSocketReused, invocation.Syntax.GetLocation(), properties, socket.Syntax.ToString()));
    }

    private static bool MayBeConnectedAlready(WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, IOperation socket, IOperation function, ISymbol containingSymbol)
    {
        var start = invocation.Syntax.SpanStart;
        var path = RetryPath.Find(apis, caches, invocation, containingSymbol, foreachRetries: true);
        if (path.Kind == RetryPathKind.Loop)
        {
            var loop = path.Region;
            return !IsDeclaredWithin(socket, loop) && !SocketReplacements.IsReplacedIn(loop, socket, int.MinValue, int.MaxValue);
        }

        // Connected, closed, aborted or disposed earlier in the same function, and not replaced since.
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is IInvocationOperation earlier && earlier.Syntax.SpanStart < start && StartsOrEnds(apis, earlier, socket) &&
                !Branches.AreExclusive(earlier, invocation))
            {
                return !SocketReplacements.IsReplacedIn(function, socket, earlier.Syntax.SpanStart + 1, start);
            }
        }

        // A catch block, close handler or recursive retry on a socket that outlives the function.
        var outlives = socket.WithoutConversions() is IFieldReferenceOperation or IPropertyReferenceOperation || !IsDeclaredWithin(socket, function);
        if (path.Kind is RetryPathKind.Catch or RetryPathKind.Handler or RetryPathKind.Recursive && outlives &&
            !SocketReplacements.IsReplacedIn(function, socket, int.MinValue, start))
        {
            return true;
        }

        // A socket the object can never replace, connected in a method the type calls again on a retry path.
        return IsFixedForTheObject(socket) && function is not (IAnonymousFunctionOperation or ILocalFunctionOperation) &&
               containingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && invocation.SemanticModel is { } model &&
               RetryCallers.IsCalledOnRetryPath(apis, caches, method, model);
    }

    /// <summary>A connect, close, abort or dispose of the same socket: after any of them ConnectAsync throws.</summary>
    private static bool StartsOrEnds(WebSocketApis apis, IInvocationOperation earlier, IOperation socket)
    {
        if (apis.TryClassify(earlier, out var call))
        {
            return call.Kind is WebSocketCallKind.Connect or WebSocketCallKind.Close && SocketIdentity.AreSame(call.Socket, socket);
        }

        return earlier.TargetMethod is { Name: "Abort" or "Dispose", Parameters.Length: 0 } target &&
               target.ContainingType.IsOrInheritsFrom(apis.WebSocket) && SocketIdentity.AreSame(earlier.Instance, socket);
    }

    /// <summary>A readonly field or a get-only auto-property of this object (or a static one): only a constructor can
    /// store another instance in it.</summary>
    private static bool IsFixedForTheObject(IOperation socket) =>
        socket.WithoutConversions() switch
        {
            IFieldReferenceOperation { Field.IsReadOnly: true, Instance: null or IInstanceReferenceOperation } => true,
            IPropertyReferenceOperation { Property: { SetMethod: null, IsAbstract: false } property, Instance: null or IInstanceReferenceOperation } =>
                IsAutoProperty(property),
            _ => false,
        };

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For a readonly field or get-only auto-property of type ClientWebSocket declared (alone) in
    /// <paramref name="tree"/>: what makes it assignable.</summary>
    private static string? MakeAssignable(WebSocketApis apis, IOperation socket, SyntaxTree tree)
    {
        switch (socket.WithoutConversions())
        {
            case IFieldReferenceOperation { Field: { IsReadOnly: true, IsConst: false } field } when field.Type.IsType(apis.ClientWebSocket) &&
                                                                                                    DeclaredAloneIn(field, tree):
                return RemoveReadOnly;
            case IPropertyReferenceOperation { Property: { SetMethod: null, IsAbstract: false, IsOverride: false, ExplicitInterfaceImplementations.IsEmpty: true } property }
                when property.Type.IsType(apis.ClientWebSocket) && IsAutoProperty(property) && DeclaredAloneIn(property, tree):
                return AddSetter;
            default:
                return null;
        }
    }

    private static bool DeclaredAloneIn(ISymbol symbol, SyntaxTree tree) =>
        symbol.DeclaringSyntaxReferences.Length == 1 && symbol.DeclaringSyntaxReferences[0].SyntaxTree == tree &&
        symbol.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclarationSyntax { Variables.Count: 1 } } => true,
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax => true,
            _ => false,
        };

    /// <summary>True for a local declared inside <paramref name="scope"/> (a fresh instance per iteration or call).</summary>
    private static bool IsDeclaredWithin(IOperation socket, IOperation scope) =>
        socket.WithoutConversions() is ILocalReferenceOperation local && LocalDeclarations.IsDeclaredWithin(local.Local, scope);

    private static bool IsAssignable(WebSocketApis apis, IOperation socket) =>
        socket.WithoutConversions() switch
        {
            IFieldReferenceOperation field => !field.Field.IsReadOnly && !field.Field.IsConst && field.Field.Type.IsType(apis.ClientWebSocket),
            IPropertyReferenceOperation property => property.Property.SetMethod is { IsInitOnly: false } && property.Property.Type.IsType(apis.ClientWebSocket),
            ILocalReferenceOperation local => !local.Local.IsUsing && !local.Local.IsConst && !local.Local.IsRef && local.Local.Type.IsType(apis.ClientWebSocket) && !IsForEachVariable(local),
            _ => false,
        };

    private static bool IsForEachVariable(ILocalReferenceOperation local)
    {
        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
