// Stand-in for EmbedIO 3.x (not served by the package registry here): the web server, its modules and the WebSocket
// module, with their real namespaces, type names and member signatures (EmbedIO 3.5). No behaviour. Used by the tests,
// the valid-code project, the anti-patterns sample and the real-world corpus (eval/realworld), which embeds this file.
#nullable disable
#pragma warning disable
using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Net;
using System.Security.Principal;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EmbedIO
{
    public interface IHttpContext
    {
        string Id { get; }
        CancellationToken CancellationToken { get; }
        string RequestedPath { get; }
        IPrincipal User { get; }
    }

    public interface IWebModule
    {
        string BaseRoute { get; }
        bool IsFinalHandler { get; }
        Task HandleRequestAsync(IHttpContext context);
        void Start(CancellationToken cancellationToken);
    }

    public abstract class WebModuleBase : IWebModule
    {
        protected WebModuleBase(string baseRoute) { }
        public string BaseRoute => null;
        public abstract bool IsFinalHandler { get; }
        public Task HandleRequestAsync(IHttpContext context) => Task.CompletedTask;
        public void Start(CancellationToken cancellationToken) { }
        protected abstract Task OnRequestAsync(IHttpContext context);
        protected virtual void OnStart(CancellationToken cancellationToken) { }
    }

    public interface IWebModuleContainer : IDisposable
    {
    }

    public enum HttpListenerMode
    {
        EmbedIO,
        Microsoft,
    }

    public sealed class WebServerOptions
    {
        public WebServerOptions WithUrlPrefix(string urlPrefix) => this;
        public WebServerOptions WithMode(HttpListenerMode mode) => this;
    }

    public class WebServer : IWebModuleContainer
    {
        public WebServer() { }
        public WebServer(int port) { }
        public WebServer(params string[] urlPrefixes) { }
        public WebServer(Action<WebServerOptions> configure) { }
        public Task RunAsync(CancellationToken cancellationToken = default(CancellationToken)) => Task.CompletedTask;
        public void Start(CancellationToken cancellationToken = default(CancellationToken)) { }
        public void Dispose() { }
    }

    public static class WebModuleContainerExtensions
    {
        public static TContainer WithModule<TContainer>(this TContainer container, IWebModule module)
            where TContainer : class, IWebModuleContainer => container;
    }
}

namespace EmbedIO.WebSockets
{
    public enum CloseStatusCode : ushort
    {
        Normal = 1000,
        Away = 1001,
        ProtocolError = 1002,
        UnsupportedData = 1003,
        Undefined = 1004,
        NoStatus = 1005,
        Abnormal = 1006,
        InvalidData = 1007,
        PolicyViolation = 1008,
        TooBig = 1009,
        MandatoryExtension = 1010,
        ServerError = 1011,
        TlsHandshakeFailure = 1015,
    }

    public class WebSocketException : Exception
    {
        internal WebSocketException(string message = null) { }
        public CloseStatusCode Code => CloseStatusCode.Abnormal;
    }

    public interface IWebSocket : IDisposable
    {
        System.Net.WebSockets.WebSocketState State { get; }
        Task SendAsync(byte[] buffer, bool isText, CancellationToken cancellationToken = default(CancellationToken));
        Task CloseAsync(CancellationToken cancellationToken = default(CancellationToken));
        Task CloseAsync(CloseStatusCode code, string comment = null, CancellationToken cancellationToken = default(CancellationToken));
    }

    public interface IWebSocketReceiveResult
    {
        int Count { get; }
        bool EndOfMessage { get; }
        int MessageType { get; }
    }

    public interface IWebSocketContext
    {
        string Id { get; }
        CancellationToken CancellationToken { get; }
        string HttpContextId { get; }
        IDictionary<object, object> Items { get; }
        IPEndPoint LocalEndPoint { get; }
        IPEndPoint RemoteEndPoint { get; }
        Uri RequestUri { get; }
        NameValueCollection Headers { get; }
        string Origin { get; }
        string WebSocketVersion { get; }
        IEnumerable<string> RequestedProtocols { get; }
        string AcceptedProtocol { get; }
        IPrincipal User { get; }
        bool IsAuthenticated { get; }
        bool IsLocal { get; }
        bool IsSecureConnection { get; }
        IWebSocket WebSocket { get; }
    }

    /// <summary>A module that accepts WebSockets on one path: EmbedIO runs each connection's receive loop and calls
    /// OnMessageReceivedAsync (awaited) for every message; SendAsync and BroadcastAsync catch and log send failures.</summary>
    public abstract class WebSocketModule : WebModuleBase, IDisposable
    {
        protected WebSocketModule(string urlPath, bool enableConnectionWatchdog)
            : base(urlPath)
        {
        }

        public sealed override bool IsFinalHandler => true;
        protected int MaxMessageSize { get; set; }
        protected TimeSpan KeepAliveInterval { get; set; }
        protected Encoding Encoding { get; set; }
        protected IReadOnlyList<IWebSocketContext> ActiveContexts => null;
        public void Dispose() { }
        protected sealed override Task OnRequestAsync(IHttpContext context) => Task.CompletedTask;
        protected void AddProtocol(string protocol) { }
        protected void AddProtocols(IEnumerable<string> protocols) { }
        protected void AddProtocols(params string[] protocols) { }
        protected Task SendAsync(IWebSocketContext context, string payload) => Task.CompletedTask;
        protected Task SendAsync(IWebSocketContext context, byte[] payload) => Task.CompletedTask;
        protected Task BroadcastAsync(byte[] payload) => Task.CompletedTask;
        protected Task BroadcastAsync(byte[] payload, Func<IWebSocketContext, bool> selector) => Task.CompletedTask;
        protected Task BroadcastAsync(string payload) => Task.CompletedTask;
        protected Task BroadcastAsync(string payload, Func<IWebSocketContext, bool> selector) => Task.CompletedTask;
        protected Task CloseAsync(IWebSocketContext context) => Task.CompletedTask;
        protected abstract Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result);
        protected virtual Task OnFrameReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) => Task.CompletedTask;
        protected virtual Task OnClientConnectedAsync(IWebSocketContext context) => Task.CompletedTask;
        protected virtual Task OnClientDisconnectedAsync(IWebSocketContext context) => Task.CompletedTask;
        protected virtual void Dispose(bool disposing) { }
    }
}
