using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Configuration;

/// <summary>
/// What the whole project says about its WebSocket server's configuration, gathered once per compilation when the first
/// UseWebSockets or accept needs it: the middleware's options are often set in Program.cs or Startup while the accept
/// lives in a handler of its own, and an Origin check may sit in a middleware of another file. Each
/// <see cref="ProjectFactGroup"/> is gathered on its own, and only its properties are meaningful on the instance that
/// gathered it. Only files whose text names what a group is about are read, and in them only the names that matter are
/// bound. The application heartbeat a server may run is not a fact of this class: <see cref="Heartbeats.AnyInProject"/>.
/// </summary>
internal sealed class ProjectFacts
{
    private const int KeepAliveTimeoutMark = FileWords.KeepAliveTimeout;
    private const int WebSocketOptionsMark = FileWords.WebSocketOptions;
    private const int AddWebSocketsMark = FileWords.AddWebSockets;
    private const int AllowedOriginsMark = FileWords.AllowedOrigins;
    private const int OriginMark = FileWords.Origin;
    private const int SchemeMarks = FileWords.AddCookie | FileWords.AddNegotiate | FileWords.AddIdentity;
    private const int FallbackPolicyMark = FileWords.FallbackPolicy;
    private const int ServerOptionsMarks = KeepAliveTimeoutMark | WebSocketOptionsMark | AddWebSocketsMark;
    private const int OriginMarks = AllowedOriginsMark | OriginMark;

    private readonly HashSet<string> _ambientSchemes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>WebSocketOptions.KeepAliveTimeout is set somewhere (a Configure or AddWebSockets lambda, an initializer): the
    /// middleware's timeout, which an accept without one of its own inherits.</summary>
    public bool ServerKeepAliveTimeoutSet { get; private set; }

    /// <summary>WebSocketOptions.KeepAliveTimeout is set by a statement (in a Configure or AddWebSockets lambda, on options
    /// a method builds), not in the initializer of an options object that one UseWebSockets call receives.</summary>
    public bool ServicesKeepAliveTimeoutSet { get; private set; }

    /// <summary>WebSocketOptions are configured through the services (<c>Configure&lt;WebSocketOptions&gt;</c>, <c>AddWebSockets</c>):
    /// a <c>UseWebSockets()</c> without arguments reads them, and one with an options object would ignore them.</summary>
    public bool ServerOptionsInServices { get; private set; }

    /// <summary>WebSocketOptions may come from configuration (bound from a section, built by a method): their timeout is not known.</summary>
    public bool ServerOptionsFromConfiguration { get; private set; }

    /// <summary>WebSocketOptions.AllowedOrigins gets an origin other than "*".</summary>
    public bool AllowedOriginsSet { get; private set; }

    /// <summary>The Origin request header is read somewhere (<c>Headers.Origin</c>, <c>Headers["Origin"]</c>, <c>HeaderNames.Origin</c>).</summary>
    public bool OriginHeaderRead { get; private set; }

    /// <summary>A scheme whose credentials the browser sends by itself (cookies, Identity, Windows authentication) is registered.</summary>
    public bool AmbientSchemeRegistered { get; private set; }

    /// <summary>The names of the ambient schemes: those registered, and the defaults of cookie, Identity and Windows authentication.</summary>
    public IReadOnlyCollection<string> AmbientSchemes => _ambientSchemes;

    /// <summary>AuthorizationOptions.FallbackPolicy is set: every endpoint without [AllowAnonymous] requires an authenticated user.</summary>
    public bool FallbackPolicySet { get; private set; }

    public static ProjectFacts Collect(WebSocketApis apis, ConfigurationCaches caches, ProjectFactGroup group, CancellationToken cancellation)
    {
        var facts = new ProjectFacts();
        foreach (var scheme in new[] { "Cookies", "Identity.Application", "Identity.External", "Negotiate", "Windows" })
        {
            facts._ambientSchemes.Add(scheme);
        }

        var wanted = FileWords.Resolvable(apis.Configuration) & group switch
        {
            ProjectFactGroup.ServerOptions => ServerOptionsMarks,
            ProjectFactGroup.Origins => OriginMarks,
            ProjectFactGroup.FallbackPolicy => FallbackPolicyMark,
            _ => SchemeMarks,
        };
        if (wanted == 0)
        {
            return facts;
        }

        // Where the gate searched every file for these words, only the files that spell one are read again.
        var relevance = WebSocketRelevance.For(apis.Compilation);
        var trees = (wanted & ~relevance.FactWordsSearched) == 0 ? relevance.SpellingFactWords : (IEnumerable<SyntaxTree>)apis.Compilation.SyntaxTrees;
        foreach (var tree in trees)
        {
            cancellation.ThrowIfCancellationRequested();
            var marks = FileWords.In(tree, wanted, relevance.Mentions(tree), cancellation);
            if (marks != 0)
            {
                facts.Read(apis, tree.GetRoot(cancellation), caches.ModelOf(tree), marks, cancellation);
            }
        }

        return facts;
    }

    private void Read(WebSocketApis apis, SyntaxNode root, SemanticModel model, int marks, CancellationToken cancellation)
    {
        var types = apis.Configuration;
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax identifier:
                    var name = identifier.Identifier.ValueText;
                    if ((marks & KeepAliveTimeoutMark) != 0 && name == ConfigurationTypes.KeepAliveTimeoutName)
                    {
                        if (IsWritten(identifier) && Is(model.GetSymbolInfo(identifier, cancellation).Symbol, types.ServerKeepAliveTimeout))
                        {
                            ServerKeepAliveTimeoutSet = true;
                            ServicesKeepAliveTimeoutSet |= identifier.FirstAncestorOrSelf<InitializerExpressionSyntax>() is null;
                        }
                    }
                    else if ((marks & AllowedOriginsMark) != 0 && name == "AllowedOrigins")
                    {
                        AllowedOriginsSet |= Is(model.GetSymbolInfo(identifier, cancellation).Symbol, types.AllowedOrigins) && AddsAnOrigin(identifier, model, cancellation);
                    }
                    else if ((marks & OriginMark) != 0 && name == "Origin")
                    {
                        OriginHeaderRead |= model.GetSymbolInfo(identifier, cancellation).Symbol is { ContainingType: { } owner } &&
                                            (owner.IsOrInheritsFrom(types.HeaderDictionary) || owner.IsType(types.HeaderNames));
                    }
                    else if ((marks & FallbackPolicyMark) != 0 && name == "FallbackPolicy")
                    {
                        FallbackPolicySet |= IsWritten(identifier) && model.GetSymbolInfo(identifier, cancellation).Symbol?.ContainingType.IsType(types.AuthorizationOptions) == true;
                    }

                    break;
                case LiteralExpressionSyntax literal when (marks & OriginMark) != 0 && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
                                                         string.Equals(literal.Token.ValueText, "Origin", StringComparison.OrdinalIgnoreCase):
                    OriginHeaderRead |= IsHeaderKey(literal, model, types, cancellation);
                    break;
                case InvocationExpressionSyntax invocation when SyntaxNames.Invoked(invocation.Expression) is { } invoked:
                    ReadInvocation(apis, invocation, invoked, model, marks, cancellation);
                    break;
            }
        }
    }

    private void ReadInvocation(WebSocketApis apis, InvocationExpressionSyntax invocation, string name, SemanticModel model, int marks, CancellationToken cancellation)
    {
        var types = apis.Configuration;
        if ((marks & (WebSocketOptionsMark | AddWebSocketsMark)) != 0 &&
            (name == "AddWebSockets" || HasTypeArgumentNamed(invocation.Expression, "WebSocketOptions")))
        {
            if (model.GetOperation(invocation, cancellation) is not IInvocationOperation operation)
            {
                return;
            }

            var method = operation.TargetMethod;
            var configuresOptions = method.ContainingType.IsType(types.WebSocketsDependencyInjectionExtensions) ||
                                    method.TypeArguments.Length == 1 && method.TypeArguments[0].IsType(types.WebSocketOptions);
            if (!configuresOptions)
            {
                return;
            }

            ServerOptionsInServices = true;
            foreach (var argument in operation.Arguments)
            {
                if (argument.Value.WithoutConversions() is not (IAnonymousFunctionOperation or IDelegateCreationOperation) &&
                    argument.Parameter?.Type.IsType(apis.Compilation.GetSpecialType(SpecialType.System_String)) != true &&
                    !(method.IsExtensionMethod && argument == operation.Arguments[0]))
                {
                    ServerOptionsFromConfiguration = true;
                }
            }

            // AddOptions<WebSocketOptions>() returns a builder that binds or configures them further.
            if (method.Name == "AddOptions")
            {
                ServerOptionsFromConfiguration = true;
            }
        }
        else if ((marks & SchemeMarks) != 0 && name is "AddCookie" or "AddIdentity" or "AddDefaultIdentity" or "AddIdentityCookies" or "AddNegotiate" &&
                 model.GetOperation(invocation, cancellation) is IInvocationOperation registration)
        {
            var owner = registration.TargetMethod.ContainingType;
            if (owner.IsType(types.CookieExtensions) || owner.IsType(types.NegotiateExtensions))
            {
                AmbientSchemeRegistered = true;
                foreach (var argument in registration.Arguments)
                {
                    if (argument.Parameter?.Name == "authenticationScheme" && argument.Value.ConstantValue is { HasValue: true, Value: string scheme })
                    {
                        _ambientSchemes.Add(scheme);
                    }
                }
            }
            else if (owner.IsType(types.IdentityExtensions) || owner.IsType(types.IdentityUIExtensions) || owner.IsType(types.IdentityCookieExtensions))
            {
                AmbientSchemeRegistered = true;
            }
        }
    }

    private static bool HasTypeArgumentNamed(ExpressionSyntax expression, string name)
    {
        var generic = expression switch
        {
            GenericNameSyntax direct => direct,
            MemberAccessExpressionSyntax { Name: GenericNameSyntax member } => member,
            _ => null,
        };
        if (generic is null)
        {
            return false;
        }

        foreach (var argument in generic.TypeArgumentList.Arguments)
        {
            if (argument is NameSyntax typeName && SyntaxNames.Invoked(typeName is QualifiedNameSyntax qualified ? qualified.Right : typeName) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ISymbol? symbol, ISymbol? expected) =>
        expected is not null && symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, expected.OriginalDefinition);

    /// <summary>The name is what an assignment or an object initializer sets.</summary>
    private static bool IsWritten(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
        {
            node = access;
        }

        return node.Parent is AssignmentExpressionSyntax assignment && assignment.Left == node;
    }

    /// <summary><c>AllowedOrigins.Add(x)</c>, <c>AllowedOrigins = { ... }</c> or any other use but adding only "*".</summary>
    private static bool AddsAnOrigin(IdentifierNameSyntax identifier, SemanticModel model, CancellationToken cancellation)
    {
        SyntaxNode? values = identifier.Parent switch
        {
            AssignmentExpressionSyntax { Right: InitializerExpressionSyntax initializer } => initializer,
            MemberAccessExpressionSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax add } } => add.ArgumentList,
            _ => null,
        };
        if (values is null)
        {
            return true;
        }

        foreach (var node in values.ChildNodes())
        {
            var expression = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
            if (expression is not null && model.GetConstantValue(expression, cancellation) is not { HasValue: true, Value: "*" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Origin" as the key of a header lookup: <c>Headers["Origin"]</c>, <c>Headers.TryGetValue("Origin", ...)</c>.</summary>
    private static bool IsHeaderKey(LiteralExpressionSyntax literal, SemanticModel model, ConfigurationTypes types, CancellationToken cancellation)
    {
        var container = literal.Parent?.Parent?.Parent;
        var receiver = container switch
        {
            ElementAccessExpressionSyntax element => element.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
            _ => (ExpressionSyntax?)null,
        };
        return receiver is not null && model.GetTypeInfo(receiver, cancellation).Type.IsOrInheritsFrom(types.HeaderDictionary);
    }
}
