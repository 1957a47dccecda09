// Stand-in for classic ASP.NET's System.Web (.NET Framework only, not in any reference pack here): the members of
// HttpContext, HttpContextBase, IHttpHandler and AspNetWebSocketContext that WebSocket handlers use, with their real
// namespaces, base types and signatures. No behaviour. Used by the tests, the valid-code project, the anti-patterns
// sample and the real-world corpus (eval/realworld), which embeds this file.
#nullable disable
#pragma warning disable
using System;
using System.Collections.Specialized;
using System.Security.Principal;
using System.Threading.Tasks;

namespace System.Web
{
    public interface IHttpHandler
    {
        bool IsReusable { get; }
        void ProcessRequest(HttpContext context);
    }

    public class HttpRequest
    {
        public NameValueCollection QueryString => null;
        public NameValueCollection Headers => null;
        public NameValueCollection Form => null;
        public string this[string key] => null;
        public Uri Url => null;
        public string UserHostAddress => null;
        public string HttpMethod => null;
    }

    public class HttpResponse
    {
        public int StatusCode { get; set; }
        public string ContentType { get; set; }
        public void Write(string s) { }
        public void End() { }
        public void Close() { }
    }

    public sealed class HttpContext
    {
        public static HttpContext Current { get; set; }
        public bool IsWebSocketRequest => false;
        public bool IsWebSocketRequestUpgrading => false;
        public HttpRequest Request => null;
        public HttpResponse Response => null;
        public IPrincipal User { get; set; }
        public void AcceptWebSocketRequest(Func<System.Web.WebSockets.AspNetWebSocketContext, Task> userFunc) { }
        public void AcceptWebSocketRequest(Func<System.Web.WebSockets.AspNetWebSocketContext, Task> userFunc, System.Web.WebSockets.AspNetWebSocketOptions options) { }
    }

    public abstract class HttpContextBase
    {
        public virtual bool IsWebSocketRequest => false;
        public virtual bool IsWebSocketRequestUpgrading => false;
        public virtual void AcceptWebSocketRequest(Func<System.Web.WebSockets.AspNetWebSocketContext, Task> userFunc) { }
        public virtual void AcceptWebSocketRequest(Func<System.Web.WebSockets.AspNetWebSocketContext, Task> userFunc, System.Web.WebSockets.AspNetWebSocketOptions options) { }
    }
}

namespace System.Web.WebSockets
{
    public sealed class AspNetWebSocketOptions
    {
        public bool RequireSameOrigin { get; set; }
        public string SubProtocol { get; set; }
    }

    public abstract class AspNetWebSocketContext : System.Net.WebSockets.WebSocketContext
    {
        public override System.Net.CookieCollection CookieCollection => null;
        public override NameValueCollection Headers => null;
        public override bool IsAuthenticated => false;
        public override bool IsLocal => false;
        public override bool IsSecureConnection => false;
        public override string Origin => null;
        public override Uri RequestUri => null;
        public override string SecWebSocketKey => null;
        public override System.Collections.Generic.IEnumerable<string> SecWebSocketProtocols => null;
        public override string SecWebSocketVersion => null;
        public override IPrincipal User => null;
        public override System.Net.WebSockets.WebSocket WebSocket => null;
        public virtual NameValueCollection QueryString => null;
        public virtual bool IsClientConnected => false;
        public virtual string UserHostAddress => null;
        public virtual string AnonymousID => null;
        public static int ConnectionCount => 0;
    }
}
