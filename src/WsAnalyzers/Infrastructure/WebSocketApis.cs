using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// The WebSocket APIs of the contract, resolved once per compilation and shared by every rule.
/// <see cref="For"/> returns null when the compilation neither references one of them nor mentions one in
/// source, and then the rules register nothing.
/// </summary>
internal sealed partial class WebSocketApis
{
    private static readonly ConditionalWeakTable<Compilation, Box> Cache = new();

    private WebSocketApis(Compilation compilation)
    {
        Compilation = compilation;
        WebSocket = Type(compilation, "System.Net.WebSockets.WebSocket");
        ClientWebSocket = Type(compilation, "System.Net.WebSockets.ClientWebSocket");
        WebSocketState = Type(compilation, "System.Net.WebSockets.WebSocketState");
        WebSocketException = Type(compilation, "System.Net.WebSockets.WebSocketException");
        WebSocketReceiveResult = Type(compilation, "System.Net.WebSockets.WebSocketReceiveResult");
        ValueWebSocketReceiveResult = Type(compilation, "System.Net.WebSockets.ValueWebSocketReceiveResult");
        WebSocketMessageType = Type(compilation, "System.Net.WebSockets.WebSocketMessageType");
        WebSocketCloseStatus = Type(compilation, "System.Net.WebSockets.WebSocketCloseStatus");

        AspNetWebSocketManager = Type(compilation, "Microsoft.AspNetCore.Http.WebSocketManager");
        AspNetWebSocketOptions = Type(compilation, "Microsoft.AspNetCore.Builder.WebSocketOptions");
        AspNetWebSocketAcceptContext = Type(compilation, "Microsoft.AspNetCore.Http.WebSocketAcceptContext");
        AspNetWebSocketMiddlewareExtensions = Type(compilation, "Microsoft.AspNetCore.Builder.WebSocketMiddlewareExtensions");

        HubConnection = Type(compilation, "Microsoft.AspNetCore.SignalR.Client.HubConnection");
        HubConnectionBuilder = Type(compilation, "Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilder");
        HubConnectionBuilderExtensions = Type(compilation, "Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilderExtensions");
        HubConnectionExtensions = Type(compilation, "Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions");
        RetryPolicy = Type(compilation, "Microsoft.AspNetCore.SignalR.Client.IRetryPolicy");

        Hub = Type(compilation, "Microsoft.AspNetCore.SignalR.Hub");
        ClientProxy = Type(compilation, "Microsoft.AspNetCore.SignalR.IClientProxy");
        ClientProxyExtensions = Type(compilation, "Microsoft.AspNetCore.SignalR.ClientProxyExtensions");

        WebsocketClient = Type(compilation, "Websocket.Client.WebsocketClient");
        WebsocketClientInterface = Type(compilation, "Websocket.Client.IWebsocketClient");

        SharpWebSocket = Type(compilation, "WebSocketSharp.WebSocket");
        SharpWebSocketState = Type(compilation, "WebSocketSharp.WebSocketState");
        SharpWebSocketBehavior = Type(compilation, "WebSocketSharp.Server.WebSocketBehavior");

        FleckConnection = Type(compilation, "Fleck.IWebSocketConnection");
        FleckServer = Type(compilation, "Fleck.WebSocketServer");

        Exception = Type(compilation, "System.Exception");
        InvalidOperationException = Type(compilation, "System.InvalidOperationException");
        ObservableExtensions = Type(compilation, "System.ObservableExtensions");

        Collections = new CollectionTypes(compilation);
        Threading = new ThreadingApis(compilation);
        Random = Type(compilation, "System.Random");
        RandomNumberGenerator = Type(compilation, "System.Security.Cryptography.RandomNumberGenerator");
        Math = Type(compilation, "System.Math");
        TimeSpan = Type(compilation, "System.TimeSpan");
        SignalRRetryContext = Type(compilation, "Microsoft.AspNetCore.SignalR.Client.RetryContext");
        WebsocketClientDisconnectionInfo = Type(compilation, "Websocket.Client.DisconnectionInfo");
        SharpCloseEventArgs = Type(compilation, "WebSocketSharp.CloseEventArgs");
        CancellationToken = Type(compilation, "System.Threading.CancellationToken");
        ThreadingTimeout = Type(compilation, "System.Threading.Timeout");
    }

    public Compilation Compilation { get; }

    /// <summary>True when a file of the compilation has top-level statements (whose locals live as long as the program).</summary>
    public bool HasTopLevelStatements => _hasTopLevelStatements ??= AnyTopLevelStatements(Compilation);

    private bool? _hasTopLevelStatements;

    /// <summary>System.CodeDom.Compiler.GeneratedCodeAttribute, looked up when a rule first reports on a declaration.</summary>
    public INamedTypeSymbol? GeneratedCodeAttribute => _generatedCodeAttribute ??= Type(Compilation, "System.CodeDom.Compiler.GeneratedCodeAttribute");

    private INamedTypeSymbol? _generatedCodeAttribute;

    private static bool AnyTopLevelStatements(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax unit)
            {
                foreach (var member in unit.Members)
                {
                    if (member is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A number that tells this compilation's answers from another's in caches that must not hold the compilation.</summary>
    public int Id { get; } = System.Threading.Interlocked.Increment(ref s_lastId);

    private static int s_lastId;

    // System.Net.WebSockets
    public INamedTypeSymbol? WebSocket { get; }
    public INamedTypeSymbol? ClientWebSocket { get; }
    public INamedTypeSymbol? WebSocketState { get; }
    public INamedTypeSymbol? WebSocketException { get; }
    public INamedTypeSymbol? WebSocketReceiveResult { get; }
    public INamedTypeSymbol? ValueWebSocketReceiveResult { get; }
    public INamedTypeSymbol? WebSocketMessageType { get; }
    public INamedTypeSymbol? WebSocketCloseStatus { get; }

    // ASP.NET Core
    public INamedTypeSymbol? AspNetWebSocketManager { get; }
    public INamedTypeSymbol? AspNetWebSocketOptions { get; }
    public INamedTypeSymbol? AspNetWebSocketAcceptContext { get; }
    public INamedTypeSymbol? AspNetWebSocketMiddlewareExtensions { get; }

    // SignalR client
    public INamedTypeSymbol? HubConnection { get; }
    public INamedTypeSymbol? HubConnectionBuilder { get; }
    public INamedTypeSymbol? HubConnectionBuilderExtensions { get; }
    public INamedTypeSymbol? HubConnectionExtensions { get; }
    public INamedTypeSymbol? RetryPolicy { get; }

    // SignalR server
    public INamedTypeSymbol? Hub { get; }
    public INamedTypeSymbol? ClientProxy { get; }
    public INamedTypeSymbol? ClientProxyExtensions { get; }

    // Websocket.Client
    public INamedTypeSymbol? WebsocketClient { get; }
    public INamedTypeSymbol? WebsocketClientInterface { get; }

    // websocket-sharp
    public INamedTypeSymbol? SharpWebSocket { get; }
    public INamedTypeSymbol? SharpWebSocketState { get; }
    public INamedTypeSymbol? SharpWebSocketBehavior { get; }

    // Fleck
    public INamedTypeSymbol? FleckConnection { get; }
    public INamedTypeSymbol? FleckServer { get; }

    // BCL
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? InvalidOperationException { get; }
    public INamedTypeSymbol? ObservableExtensions { get; }

    // Collections and connection handles of the resource-bound rules
    public CollectionTypes Collections { get; }
    // Reconnect rules: delays, randomness and growth
    // BCL threading types of the message-handler, sending and reconnect rules
    public ThreadingApis Threading { get; }
    public INamedTypeSymbol? Task => Threading.Task;
    public INamedTypeSymbol? Thread => Threading.Thread;
    public INamedTypeSymbol? Random { get; }
    public INamedTypeSymbol? RandomNumberGenerator { get; }
    public INamedTypeSymbol? Math { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? SignalRRetryContext { get; }
    public INamedTypeSymbol? WebsocketClientDisconnectionInfo { get; }
    public INamedTypeSymbol? SharpCloseEventArgs { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? ThreadingTimer => Threading.ThreadingTimer;
    public INamedTypeSymbol? ThreadingTimeout { get; }

    /// <summary>The APIs of this compilation, or null when it has no WebSocket API to analyze.</summary>
    public static WebSocketApis? For(Compilation compilation) =>
        Cache.GetValue(compilation, static c => new Box(Create(c))).Value;

    private static WebSocketApis? Create(Compilation compilation)
    {
        var apis = new WebSocketApis(compilation);
        if (!apis.AnyApiReferenced)
        {
            return null;
        }

        // System.Net.WebSockets and the ASP.NET Core and SignalR hub types come with every .NET (web) project, so
        // their presence says nothing. The source must also mention a WebSocket or SignalR API somewhere.
        return SourceMentions.AnyWebSocketApi(compilation) ? apis : null;
    }

    private bool AnyApiReferenced =>
        WebSocket is not null || AspNetWebSocketManager is not null || HubConnection is not null || Hub is not null ||
        WebsocketClientInterface is not null || SharpWebSocket is not null || SharpWebSocketBehavior is not null ||
        FleckConnection is not null;

    private static INamedTypeSymbol? Type(Compilation compilation, string metadataName) =>
        MetadataTypes.Find(compilation, metadataName);

    private sealed class Box
    {
        public Box(WebSocketApis? value) => Value = value;

        public WebSocketApis? Value { get; }
    }
}
