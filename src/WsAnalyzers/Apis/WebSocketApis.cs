using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Apis;

/// <summary>
/// The WebSocket APIs of the contract, resolved once per compilation and shared by every rule: type lookups, and (in the
/// other parts of this class) what recognises a library's calls and state properties. What a single rule family asks of
/// these types lives in the family's folder. <see cref="For"/> returns null when the compilation neither references one
/// of them nor mentions one in source, and then the rules register nothing.
/// </summary>
internal sealed partial class WebSocketApis
{
    private static readonly ConditionalWeakTable<Compilation, Box> Cache = new();

    private WebSocketApis(Compilation compilation)
    {
        Compilation = compilation;
        var types = new MetadataTypes(compilation);
        WebSocket = types.Find("System.Net.WebSockets.WebSocket");
        ClientWebSocket = types.Find("System.Net.WebSockets.ClientWebSocket");
        WebSocketException = types.Find("System.Net.WebSockets.WebSocketException");

        AspNetWebSocketManager = types.Find("Microsoft.AspNetCore.Http.WebSocketManager");

        HubConnection = types.Find("Microsoft.AspNetCore.SignalR.Client.HubConnection");
        HubConnectionExtensions = types.Find("Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions");
        RetryPolicy = types.Find("Microsoft.AspNetCore.SignalR.Client.IRetryPolicy");

        Hub = types.Find("Microsoft.AspNetCore.SignalR.Hub");
        ClientProxy = types.Find("Microsoft.AspNetCore.SignalR.IClientProxy");
        ClientProxyExtensions = types.Find("Microsoft.AspNetCore.SignalR.ClientProxyExtensions");

        WebsocketClient = types.Find("Websocket.Client.WebsocketClient");
        WebsocketClientInterface = types.Find("Websocket.Client.IWebsocketClient");

        SharpWebSocket = types.Find("WebSocketSharp.WebSocket");
        SharpWebSocketBehavior = types.Find("WebSocketSharp.Server.WebSocketBehavior");

        FleckConnection = types.Find("Fleck.IWebSocketConnection");
        FleckServer = types.Find("Fleck.WebSocketServer");

        WebSocketContext = types.Find("System.Net.WebSockets.WebSocketContext");
        HttpListenerContext = types.Find("System.Net.HttpListenerContext");

        SystemWebHttpContext = types.Find("System.Web.HttpContext");
        SystemWebHttpContextBase = types.Find("System.Web.HttpContextBase");
        AspNetWebSocketContext = types.Find("System.Web.WebSockets.AspNetWebSocketContext");

        AspNetHub = types.Find("Microsoft.AspNet.SignalR.Hub");
        AspNetPersistentConnection = types.Find("Microsoft.AspNet.SignalR.PersistentConnection");
        AspNetHubCallerContext = types.Find("Microsoft.AspNet.SignalR.Hubs.HubCallerContext");
        AspNetServerConnection = types.Find("Microsoft.AspNet.SignalR.IConnection");
        AspNetConnectionGroupManager = types.Find("Microsoft.AspNet.SignalR.IConnectionGroupManager");

        AspNetClientConnection = types.Find("Microsoft.AspNet.SignalR.Client.Connection");
        AspNetHubProxyExtensions = types.Find("Microsoft.AspNet.SignalR.Client.HubProxyExtensions");
        AspNetStateChange = types.Find("Microsoft.AspNet.SignalR.Client.StateChange");

        EmbedIOWebSocketModule = types.Find("EmbedIO.WebSockets.WebSocketModule");
        EmbedIOWebSocket = types.Find("EmbedIO.WebSockets.IWebSocket");
        EmbedIOWebSocketContext = types.Find("EmbedIO.WebSockets.IWebSocketContext");

        Exception = types.Find("System.Exception");
        InvalidOperationException = types.Find("System.InvalidOperationException");

        Collections = new CollectionTypes(types);
        Configuration = new ConfigurationTypes(types);
        Threading = new ThreadingApis(types);
        Messages = new MessageApis(types);
        Random = types.Find("System.Random");
        RandomNumberGenerator = types.Find("System.Security.Cryptography.RandomNumberGenerator");
        Math = types.Find("System.Math");
        TimeSpan = types.Find("System.TimeSpan");
        SignalRRetryContext = types.Find("Microsoft.AspNetCore.SignalR.Client.RetryContext");
        WebsocketClientDisconnectionInfo = types.Find("Websocket.Client.DisconnectionInfo");
        SharpCloseEventArgs = types.Find("WebSocketSharp.CloseEventArgs");
        CancellationToken = types.Find("System.Threading.CancellationToken");
        ThreadingTimeout = types.Find("System.Threading.Timeout");
    }

    public Compilation Compilation { get; }

    /// <summary>True when a file of the compilation has top-level statements (whose locals live as long as the program).</summary>
    public bool HasTopLevelStatements => _hasTopLevelStatements ??= AnyTopLevelStatements(Compilation);

    private bool? _hasTopLevelStatements;

    /// <summary>System.CodeDom.Compiler.GeneratedCodeAttribute, looked up when a rule first reports on a declaration.</summary>
    public INamedTypeSymbol? GeneratedCodeAttribute => _generatedCodeAttribute ??= new MetadataTypes(Compilation).Find("System.CodeDom.Compiler.GeneratedCodeAttribute");

    private INamedTypeSymbol? _generatedCodeAttribute;

    // The compiler declares top-level statements as the method <Main>$ of a type Program in the global namespace: asked of
    // the compilation's declarations, which are built anyway, instead of reading the root of every file.
    private static bool AnyTopLevelStatements(Compilation compilation)
    {
        foreach (var type in compilation.Assembly.GlobalNamespace.GetTypeMembers("Program"))
        {
            if (!type.GetMembers("<Main>$").IsEmpty)
            {
                return true;
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
    public INamedTypeSymbol? WebSocketException { get; }

    // ASP.NET Core
    public INamedTypeSymbol? AspNetWebSocketManager { get; }

    // SignalR client
    public INamedTypeSymbol? HubConnection { get; }
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
    public INamedTypeSymbol? SharpWebSocketBehavior { get; }

    // Fleck
    public INamedTypeSymbol? FleckConnection { get; }
    public INamedTypeSymbol? FleckServer { get; }

    // System.Net.HttpListener: AcceptWebSocketAsync hands out a WebSocketContext whose WebSocket is a System.Net socket
    public INamedTypeSymbol? WebSocketContext { get; }
    public INamedTypeSymbol? HttpListenerContext { get; }

    // Classic ASP.NET (System.Web): AcceptWebSocketRequest calls back with an AspNetWebSocketContext (a WebSocketContext)
    public INamedTypeSymbol? SystemWebHttpContext { get; }
    public INamedTypeSymbol? SystemWebHttpContextBase { get; }
    public INamedTypeSymbol? AspNetWebSocketContext { get; }

    // ASP.NET SignalR 2.x server
    public INamedTypeSymbol? AspNetHub { get; }
    public INamedTypeSymbol? AspNetPersistentConnection { get; }
    public INamedTypeSymbol? AspNetHubCallerContext { get; }
    public INamedTypeSymbol? AspNetServerConnection { get; }
    public INamedTypeSymbol? AspNetConnectionGroupManager { get; }

    // ASP.NET SignalR 2.x client
    public INamedTypeSymbol? AspNetClientConnection { get; }
    public INamedTypeSymbol? AspNetHubProxyExtensions { get; }
    public INamedTypeSymbol? AspNetStateChange { get; }

    // EmbedIO 3.x
    public INamedTypeSymbol? EmbedIOWebSocketModule { get; }
    public INamedTypeSymbol? EmbedIOWebSocket { get; }
    public INamedTypeSymbol? EmbedIOWebSocketContext { get; }

    // BCL
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? InvalidOperationException { get; }

    // Collections and connection handles of the resource-bound rules
    public CollectionTypes Collections { get; }

    // Options, URI, header and authentication types of the configuration and security rules
    public ConfigurationTypes Configuration { get; }

    // BCL threading types of the message-handler, sending and reconnect rules
    public ThreadingApis Threading { get; }
    public INamedTypeSymbol? Task => Threading.Task;
    public INamedTypeSymbol? Thread => Threading.Thread;
    public INamedTypeSymbol? ThreadingTimer => Threading.ThreadingTimer;

    // Receive results, message types, and what assembles or decodes received bytes (the receive-loop rules)
    public MessageApis Messages { get; }

    // Reconnect rules: delays, randomness, growth and close information
    public INamedTypeSymbol? Random { get; }
    public INamedTypeSymbol? RandomNumberGenerator { get; }
    public INamedTypeSymbol? Math { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? SignalRRetryContext { get; }
    public INamedTypeSymbol? WebsocketClientDisconnectionInfo { get; }
    public INamedTypeSymbol? SharpCloseEventArgs { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? ThreadingTimeout { get; }

    /// <summary>The APIs of this compilation, or null when it has no WebSocket API to analyze.</summary>
    /// <param name="factWords">When this call resolves them, the words of <see cref="FileWords"/> the relevance gate
    /// searches every file for while it reads it, given the APIs.</param>
    public static WebSocketApis? For(Compilation compilation, Func<WebSocketApis, int>? factWords = null) =>
        Cache.GetValue(compilation, c => new Box(Create(c, factWords))).Value;

    private static WebSocketApis? Create(Compilation compilation, Func<WebSocketApis, int>? factWords)
    {
        var apis = new WebSocketApis(compilation);
        if (!apis.AnyApiReferenced)
        {
            return null;
        }

        // System.Net.WebSockets (with HttpListener) and the ASP.NET Core and SignalR hub types come with every .NET (web)
        // project, so their presence says nothing. The source must also mention a WebSocket or SignalR API somewhere
        // (System.Web's AcceptWebSocketRequest and EmbedIO's EmbedIO.WebSockets spell "websocket" too).
        return WebSocketRelevance.For(compilation, factWords?.Invoke(apis) ?? 0).SpellsAnyApi ? apis : null;
    }

    private bool AnyApiReferenced =>
        WebSocket is not null || AspNetWebSocketManager is not null || HubConnection is not null || Hub is not null ||
        WebsocketClientInterface is not null || SharpWebSocket is not null || SharpWebSocketBehavior is not null ||
        FleckConnection is not null || AspNetHub is not null || AspNetPersistentConnection is not null ||
        AspNetClientConnection is not null || EmbedIOWebSocketModule is not null;

    private sealed class Box
    {
        public Box(WebSocketApis? value) => Value = value;

        public WebSocketApis? Value { get; }
    }
}
