// Stand-in for ASP.NET SignalR 2.x server (Microsoft.AspNet.SignalR.Core; the registry serves only its client): hubs,
// persistent connections, the hub context and the OWIN MapSignalR extension, with their real namespaces and signatures.
// No behaviour. Used by the tests, the valid-code project, the anti-patterns sample and the real-world corpus
// (eval/realworld), which embeds this file. Its client, Microsoft.AspNet.SignalR.Client 2.4.2, is served and referenced.
#nullable disable
#pragma warning disable
using System;
using System.Collections.Generic;
using System.Security.Principal;
using System.Threading.Tasks;
using Microsoft.AspNet.SignalR.Hubs;

namespace Microsoft.AspNet.SignalR
{
    public interface IRequest
    {
        Uri Url { get; }
        IPrincipal User { get; }
        INameValueCollection QueryString { get; }
        INameValueCollection Headers { get; }
    }

    public interface INameValueCollection : IEnumerable<KeyValuePair<string, string>>
    {
        string this[string key] { get; }
        string Get(string key);
    }

    public interface IGroupManager
    {
        Task Add(string connectionId, string groupName);
        Task Remove(string connectionId, string groupName);
    }

    public interface IConnectionGroupManager : IGroupManager
    {
        Task Send(string groupName, object value, params string[] excludeConnectionIds);
    }

    public interface IConnection
    {
        Task Send(string connectionId, object value);
        Task Send(IList<string> connectionIds, object value);
        Task Broadcast(object value, params string[] excludeConnectionIds);
    }

    public interface IHub : IDisposable
    {
        HubCallerContext Context { get; set; }
        IHubCallerConnectionContext<dynamic> Clients { get; set; }
        IGroupManager Groups { get; set; }
        Task OnConnected();
        Task OnReconnected();
        Task OnDisconnected(bool stopCalled);
    }

    public abstract class Hub : IHub
    {
        public IHubCallerConnectionContext<dynamic> Clients { get; set; }
        public HubCallerContext Context { get; set; }
        public IGroupManager Groups { get; set; }
        public virtual Task OnConnected() => Task.CompletedTask;
        public virtual Task OnReconnected() => Task.CompletedTask;
        public virtual Task OnDisconnected(bool stopCalled) => Task.CompletedTask;
        [Obsolete("Use OnDisconnected(bool stopCalled) instead.")]
        public virtual Task OnDisconnected() => Task.CompletedTask;
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
    }

    public abstract class Hub<T> : Hub where T : class
    {
        public new IHubCallerConnectionContext<T> Clients { get; set; }
    }

    public abstract class PersistentConnection
    {
        protected IConnection Connection => null;
        protected IConnectionGroupManager Groups => null;
        protected virtual Task OnConnected(IRequest request, string connectionId) => Task.CompletedTask;
        protected virtual Task OnReconnected(IRequest request, string connectionId) => Task.CompletedTask;
        protected virtual Task OnReceived(IRequest request, string connectionId, string data) => Task.CompletedTask;
        protected virtual Task OnDisconnected(IRequest request, string connectionId, bool stopCalled) => Task.CompletedTask;
    }

    public interface IHubContext
    {
        IHubConnectionContext<dynamic> Clients { get; }
        IGroupManager Groups { get; }
    }

    public interface IHubContext<T>
    {
        IHubConnectionContext<T> Clients { get; }
        IGroupManager Groups { get; }
    }

    public interface IConnectionManager
    {
        IHubContext GetHubContext<THub>() where THub : IHub;
        IHubContext GetHubContext(string hubName);
        IHubContext<TClient> GetHubContext<THub, TClient>() where THub : IHub where TClient : class;
    }

    public interface IDependencyResolver
    {
        object GetService(Type serviceType);
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
    public class AuthorizeAttribute : Attribute
    {
        public string Roles { get; set; }
        public string Users { get; set; }
    }

    public static class GlobalHost
    {
        public static IConnectionManager ConnectionManager => null;
        public static IDependencyResolver DependencyResolver { get; set; }
    }

    public class HubConfiguration
    {
        public bool EnableDetailedErrors { get; set; }
        public bool EnableJavaScriptProxies { get; set; }
        public bool EnableJSONP { get; set; }
    }
}

namespace Microsoft.AspNet.SignalR.Hubs
{
    public class HubCallerContext
    {
        public string ConnectionId => null;
        public IPrincipal User => null;
        public Microsoft.AspNet.SignalR.INameValueCollection QueryString => null;
        public Microsoft.AspNet.SignalR.INameValueCollection Headers => null;
        public Microsoft.AspNet.SignalR.IRequest Request => null;
    }

    public interface IHubConnectionContext<T>
    {
        T All { get; }
        T AllExcept(params string[] excludeConnectionIds);
        T Client(string connectionId);
        T Clients(IList<string> connectionIds);
        T Group(string groupName, params string[] excludeConnectionIds);
        T Groups(IList<string> groupNames, params string[] excludeConnectionIds);
        T User(string userId);
        T Users(IList<string> userIds);
    }

    public interface IHubCallerConnectionContext<T> : IHubConnectionContext<T>
    {
        T Caller { get; }
        dynamic CallerState { get; }
        T Others { get; }
        T OthersInGroup(string groupName);
        T OthersInGroups(IList<string> groupNames);
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class HubNameAttribute : Attribute
    {
        public HubNameAttribute(string hubName) { }
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class HubMethodNameAttribute : Attribute
    {
        public HubMethodNameAttribute(string methodName) { }
    }
}

namespace Owin
{
    public interface IAppBuilder
    {
        IDictionary<string, object> Properties { get; }
        IAppBuilder Use(object middleware, params object[] args);
        object Build(Type returnType);
    }

    public static class OwinExtensions
    {
        public static IAppBuilder MapSignalR(this IAppBuilder builder) => builder;
        public static IAppBuilder MapSignalR(this IAppBuilder builder, Microsoft.AspNet.SignalR.HubConfiguration configuration) => builder;
        public static IAppBuilder MapSignalR(this IAppBuilder builder, string path, Microsoft.AspNet.SignalR.HubConfiguration configuration) => builder;
        public static IAppBuilder MapSignalR<TConnection>(this IAppBuilder builder, string path) where TConnection : Microsoft.AspNet.SignalR.PersistentConnection => builder;
    }
}

namespace Microsoft.Owin
{
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class OwinStartupAttribute : Attribute
    {
        public OwinStartupAttribute(Type startupType) { }
        public OwinStartupAttribute(string friendlyName, Type startupType) { }
    }
}
