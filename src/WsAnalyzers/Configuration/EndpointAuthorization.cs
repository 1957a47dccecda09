using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Configuration;

/// <summary>
/// Whether the endpoint an accept runs in requires an authenticated user, and with which schemes when it says:
/// [Authorize] on the handler (a lambda, an action, its controller) without [AllowAnonymous], RequireAuthorization() on
/// the endpoint (or on the group it is mapped in), a fallback policy, or the handler asking itself
/// (<c>User.Identity.IsAuthenticated</c>, <c>AuthenticateAsync</c>).
/// </summary>
internal sealed class EndpointAuthorization
{
    private EndpointAuthorization(bool required, IReadOnlyList<string> schemes)
    {
        Required = required;
        Schemes = schemes;
    }

    public bool Required { get; }

    /// <summary>The authentication schemes the endpoint names (empty: the default scheme).</summary>
    public IReadOnlyList<string> Schemes { get; }

    /// <summary>The project's fallback policy (<see cref="ProjectFactGroup.FallbackPolicy"/>) is gathered only when nothing
    /// nearer the accept decides.</summary>
    public static EndpointAuthorization Of(
        WebSocketApis apis, ConfigurationCaches caches, IInvocationOperation accept, ISymbol containingSymbol, CancellationToken cancellation)
    {
        var types = apis.Configuration;
        var schemes = new List<string>();
        var required = false;

        // Attributes on the lambdas around the accept, then on the method and the types that contain it.
        IOperation? handler = null;
        for (var current = accept.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function)
            {
                handler = function;
                switch (FromAttributes(function.Symbol, types, schemes))
                {
                    case false:
                        return new EndpointAuthorization(false, schemes);
                    case true:
                        required = true;
                        break;
                }
            }
        }

        for (var symbol = EnclosingMember(containingSymbol); symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            switch (FromAttributes(symbol, types, schemes))
            {
                case false:
                    return new EndpointAuthorization(false, schemes);
                case true:
                    required = true;
                    break;
            }
        }

        if (handler is not null && RequiresAuthorizationOnMapping(handler, types, schemes))
        {
            required = true;
        }

        required = required || ChecksAuthentication(accept, types, cancellation) ||
                   caches.Project(ProjectFactGroup.FallbackPolicy, cancellation).FallbackPolicySet;
        return new EndpointAuthorization(required, schemes);
    }

    /// <summary>True with [Authorize] (its schemes added), false with [AllowAnonymous], null with neither.</summary>
    private static bool? FromAttributes(ISymbol symbol, ConfigurationTypes types, List<string> schemes)
    {
        bool? result = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeType = attribute.AttributeClass;
            if (attributeType.IsOrInheritsFrom(types.AllowAnonymous))
            {
                return false;
            }

            if (attributeType.IsOrInheritsFrom(types.AuthorizeData))
            {
                result = true;
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "AuthenticationSchemes" && named.Value.Value is string names)
                    {
                        AddSchemes(names, schemes);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The handler lambda is mapped by a call that <c>.RequireAuthorization(...)</c> follows, directly or
    /// through other endpoint conventions, or by a call on a route group that required it.</summary>
    private static bool RequiresAuthorizationOnMapping(IOperation handler, ConfigurationTypes types, List<string> schemes)
    {
        var current = handler;
        while (current.Parent is IConversionOperation or IDelegateCreationOperation or IArgumentOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IInvocationOperation mapping)
        {
            return false;
        }

        if (Receiver(mapping)?.WithoutConversions() is ILocalReferenceOperation group && ChainRequires(GroupInitializer(group), types, schemes))
        {
            return true;
        }

        for (IOperation chained = mapping; Chained(chained) is { } next; chained = next)
        {
            if (IsRequireAuthorization(next, types, schemes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The call made on the result of <paramref name="call"/> (<c>call.Next()</c>, an extension or not), or null.</summary>
    private static IInvocationOperation? Chained(IOperation call)
    {
        var parent = call.Parent;
        while (parent is IConversionOperation or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        return parent is IInvocationOperation next && Receiver(next)?.WithoutConversions() == call ? next : null;
    }

    private static bool ChainRequires(IOperation? value, ConfigurationTypes types, List<string> schemes)
    {
        for (var current = value?.WithoutConversions(); current is IInvocationOperation invocation; current = Receiver(invocation)?.WithoutConversions())
        {
            if (IsRequireAuthorization(invocation, types, schemes))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? GroupInitializer(ILocalReferenceOperation group)
    {
        foreach (var operation in KeepAliveSettings.Root(group).DescendantsAndSelfIncludingFunctions())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, group.Local))
            {
                return declarator.Initializer?.Value;
            }
        }

        return null;
    }

    private static bool IsRequireAuthorization(IInvocationOperation invocation, ConfigurationTypes types, List<string> schemes)
    {
        if (invocation.TargetMethod.Name != "RequireAuthorization" || !invocation.TargetMethod.ContainingType.IsType(types.AuthorizationEndpointExtensions))
        {
            return false;
        }

        // RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "Bearer" })
        foreach (var operation in invocation.DescendantsOutsideFunctions())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "AuthenticationSchemes" } } assignment &&
                assignment.Value.ConstantValue is { HasValue: true, Value: string names })
            {
                AddSchemes(names, schemes);
            }
        }

        return true;
    }

    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;

    /// <summary>The handler checks the user itself before going on: <c>User.Identity.IsAuthenticated</c> or <c>AuthenticateAsync</c>.</summary>
    private static bool ChecksAuthentication(IInvocationOperation accept, ConfigurationTypes types, CancellationToken cancellation)
    {
        var function = accept.EnclosingFunction() ?? accept;
        foreach (var operation in function.DescendantsOutsideFunctions())
        {
            cancellation.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "IsAuthenticated" } property when property.Property.ContainingType.IsOrInheritsFrom(types.Identity):
                case IInvocationOperation { TargetMethod.Name: "AuthenticateAsync" } invocation when invocation.TargetMethod.ContainingType.IsType(types.AuthenticationExtensions):
                    return true;
            }
        }

        return false;
    }

    private static ISymbol? EnclosingMember(ISymbol symbol) =>
        symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } ? EnclosingMember(symbol.ContainingSymbol) : symbol;

    private static void AddSchemes(string names, List<string> schemes)
    {
        foreach (var name in names.Split(','))
        {
            if (name.Trim() is { Length: > 0 } scheme)
            {
                schemes.Add(scheme);
            }
        }
    }

    /// <summary>True when the credential the endpoint accepts is one the browser sends by itself (a cookie, Windows
    /// authentication): the schemes it names include an ambient one, or it names none and the project registers one.</summary>
    public bool AcceptsAmbientCredentials(ProjectFacts facts)
    {
        if (Schemes.Count == 0)
        {
            return facts.AmbientSchemeRegistered;
        }

        foreach (var scheme in Schemes)
        {
            foreach (var ambient in facts.AmbientSchemes)
            {
                if (string.Equals(scheme, ambient, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
