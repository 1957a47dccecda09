// Stand-in for websocket-sharp (not served by the package registry here), fuller than tests/StandIns/WebSocketSharp.cs
// (which it replaces in the real-world evaluation): the real namespaces, type names and member signatures of the
// surface public projects use, so that their code compiles and the analyzers see real symbols. No behaviour.
#nullable disable
#pragma warning disable
using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Net;
using System.Security.Principal;

namespace WebSocketSharp
{
    public enum WebSocketState : ushort { New = 0, Connecting = 1, Open = 2, Closing = 3, Closed = 4 }

    public enum CloseStatusCode : ushort
    {
        Normal = 1000, Away = 1001, ProtocolError = 1002, UnsupportedData = 1003, Undefined = 1004, NoStatus = 1005,
        Abnormal = 1006, InvalidData = 1007, PolicyViolation = 1008, TooBig = 1009, MandatoryExtension = 1010,
        ServerError = 1011, TlsHandshakeFailure = 1015,
    }

    public enum LogLevel { Trace, Debug, Info, Warn, Error, Fatal, None }

    public enum CompressionMethod : byte { None, Deflate }

    public enum Opcode : byte { Cont = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xa }

    public class Logger
    {
        public LogLevel Level { get; set; }
        public string File { get; set; }
        public Action<LogData, string> Output { get; set; }
        public void Trace(string message) { }
        public void Debug(string message) { }
        public void Info(string message) { }
        public void Warn(string message) { }
        public void Error(string message) { }
        public void Fatal(string message) { }
    }

    public class LogData
    {
        public LogLevel Level => LogLevel.Info;
        public string Message => null;
        public DateTime Date => default;
    }

    public class MessageEventArgs : EventArgs
    {
        public string Data => null;
        public byte[] RawData => null;
        public bool IsText => true;
        public bool IsBinary => false;
        public bool IsPing => false;
        public Opcode Opcode => Opcode.Text;
    }

    public class CloseEventArgs : EventArgs
    {
        public ushort Code => 0;
        public string Reason => null;
        public bool WasClean => false;
    }

    public class ErrorEventArgs : EventArgs
    {
        public Exception Exception => null;
        public string Message => null;
    }

    public static class Ext
    {
        public static Uri ToUri(this string value) => null;
        public static bool IsNullOrEmpty(this string value) => string.IsNullOrEmpty(value);
        public static byte[] UTF8Encode(this string s) => null;
        public static string UTF8Decode(this byte[] bytes) => null;
    }

    public class WebSocket : IDisposable
    {
        public WebSocket(string url, params string[] protocols) { }

        public event EventHandler<CloseEventArgs> OnClose;
        public event EventHandler<ErrorEventArgs> OnError;
        public event EventHandler<MessageEventArgs> OnMessage;
        public event EventHandler OnOpen;

        public WebSocketState ReadyState => WebSocketState.New;
        public bool IsAlive => false;
        public bool IsSecure => false;
        public Uri Url => null;
        public TimeSpan WaitTime { get; set; }
        public Logger Log { get; internal set; }
        public string Origin { get; set; }
        public string Protocol => null;
        public string Extensions => null;
        public CompressionMethod Compression { get; set; }
        public bool EmitOnPing { get; set; }
        public bool EnableRedirection { get; set; }
        public WebSocketSharp.Net.ClientSslConfiguration SslConfiguration => null;
        public IEnumerable<WebSocketSharp.Net.Cookie> Cookies => null;

        public void Connect() { }
        public void ConnectAsync() { }
        public void Accept() { }
        public void AcceptAsync() { }
        public void Send(string data) { }
        public void Send(byte[] data) { }
        public void Send(FileInfo fileInfo) { }
        public void Send(Stream stream, int length) { }
        public void SendAsync(string data, Action<bool> completed) { }
        public void SendAsync(byte[] data, Action<bool> completed) { }
        public void SendAsync(FileInfo fileInfo, Action<bool> completed) { }
        public void SendAsync(Stream stream, int length, Action<bool> completed) { }
        public void Close() { }
        public void Close(ushort code) { }
        public void Close(CloseStatusCode code) { }
        public void Close(ushort code, string reason) { }
        public void Close(CloseStatusCode code, string reason) { }
        public void CloseAsync() { }
        public void CloseAsync(ushort code) { }
        public void CloseAsync(CloseStatusCode code) { }
        public void CloseAsync(ushort code, string reason) { }
        public void CloseAsync(CloseStatusCode code, string reason) { }
        public bool Ping() => false;
        public bool Ping(string message) => false;
        public void SetCookie(WebSocketSharp.Net.Cookie cookie) { }
        public void SetCredentials(string username, string password, bool preAuth) { }
        public void SetProxy(string url, string username, string password) { }
        void IDisposable.Dispose() { }

        internal void RaiseAll()
        {
            OnClose?.Invoke(this, null);
            OnError?.Invoke(this, null);
            OnMessage?.Invoke(this, null);
            OnOpen?.Invoke(this, null);
        }
    }
}

namespace WebSocketSharp.Net
{
    public sealed class Cookie
    {
        public Cookie() { }
        public Cookie(string name, string value) { }
        public string Name { get; set; }
        public string Value { get; set; }
    }

    public class CookieCollection : List<Cookie> { }

    public class ClientSslConfiguration
    {
        public System.Security.Authentication.SslProtocols EnabledSslProtocols { get; set; }
        public System.Net.Security.RemoteCertificateValidationCallback ServerCertificateValidationCallback { get; set; }
        public string TargetHost { get; set; }
    }

    public class ServerSslConfiguration
    {
        public System.Security.Cryptography.X509Certificates.X509Certificate2 ServerCertificate { get; set; }
        public System.Security.Authentication.SslProtocols EnabledSslProtocols { get; set; }
    }
}

namespace WebSocketSharp.Net.WebSockets
{
    public abstract class WebSocketContext
    {
        public abstract WebSocketSharp.WebSocket WebSocket { get; }
        public abstract NameValueCollection QueryString { get; }
        public abstract NameValueCollection Headers { get; }
        public abstract IPEndPoint UserEndPoint { get; }
        public abstract IPEndPoint ServerEndPoint { get; }
        public abstract string Origin { get; }
        public abstract bool IsLocal { get; }
        public abstract bool IsSecureConnection { get; }
        public abstract Uri RequestUri { get; }
        public abstract IPrincipal User { get; }
        public abstract WebSocketSharp.Net.CookieCollection CookieCollection { get; }
    }
}

namespace WebSocketSharp.Server
{
    public interface IWebSocketSession
    {
        string ID { get; }
        WebSocketSharp.Net.WebSockets.WebSocketContext Context { get; }
        DateTime StartTime { get; }
        WebSocketState ConnectionState { get; }
        string Protocol { get; }
    }

    public class WebSocketSessionManager
    {
        public int Count => 0;
        public IEnumerable<string> IDs => null;
        public IEnumerable<string> ActiveIDs => null;
        public IEnumerable<string> InactiveIDs => null;
        public IEnumerable<IWebSocketSession> Sessions => null;
        public IWebSocketSession this[string id] => null;
        public bool KeepClean { get; set; }
        public TimeSpan WaitTime { get; set; }
        public void Broadcast(string data) { }
        public void Broadcast(byte[] data) { }
        public void BroadcastAsync(string data, Action completed) { }
        public void BroadcastAsync(byte[] data, Action completed) { }
        public void SendTo(string data, string id) { }
        public void SendTo(byte[] data, string id) { }
        public void SendToAsync(string data, string id, Action<bool> completed) { }
        public void CloseSession(string id) { }
        public void CloseSession(string id, ushort code, string reason) { }
        public bool TryGetSession(string id, out IWebSocketSession session) { session = null; return false; }
        public void Sweep() { }
    }

    public abstract class WebSocketBehavior : IWebSocketSession
    {
        protected WebSocketBehavior() { }

        public string ID => null;
        public WebSocketState ReadyState => WebSocketState.New;
        public WebSocketState State => WebSocketState.New;
        public WebSocketState ConnectionState => WebSocketState.New;
        public DateTime StartTime => default;
        public string Protocol { get; set; }
        public bool EmitOnPing { get; set; }
        public bool IgnoreExtensions { get; set; }
        public Func<string, bool> OriginValidator { get; set; }
        public WebSocketSharp.Net.WebSockets.WebSocketContext Context => null;
        protected Logger Log => null;
        protected WebSocketSessionManager Sessions => null;

        protected virtual void OnClose(CloseEventArgs e) { }
        protected virtual void OnError(ErrorEventArgs e) { }
        protected virtual void OnMessage(MessageEventArgs e) { }
        protected virtual void OnOpen() { }

        protected void Error(string message, Exception exception) { }
        protected void Send(string data) { }
        protected void Send(byte[] data) { }
        protected void Send(FileInfo fileInfo) { }
        protected void SendAsync(string data, Action<bool> completed) { }
        protected void SendAsync(byte[] data, Action<bool> completed) { }
        protected void Close() { }
        protected void Close(ushort code, string reason) { }
        protected void Close(CloseStatusCode code, string reason) { }
    }

    public class WebSocketServiceHost
    {
        public string Path => null;
        public WebSocketSessionManager Sessions => null;
        public bool KeepClean { get; set; }
        public TimeSpan WaitTime { get; set; }
    }

    public class WebSocketServiceManager
    {
        public int Count => 0;
        public int SessionCount => 0;
        public IEnumerable<WebSocketServiceHost> Hosts => null;
        public IEnumerable<string> Paths => null;
        public WebSocketServiceHost this[string path] => null;
        public bool KeepClean { get; set; }
        public void Broadcast(string data) { }
        public void Broadcast(byte[] data) { }
        public void BroadcastAsync(string data, Action completed) { }
        public void BroadcastAsync(byte[] data, Action completed) { }
        public bool TryGetServiceHost(string path, out WebSocketServiceHost host) { host = null; return false; }
    }

    public class WebSocketServer
    {
        public WebSocketServer() { }
        public WebSocketServer(int port) { }
        public WebSocketServer(string url) { }
        public WebSocketServer(int port, bool secure) { }
        public WebSocketServer(IPAddress address, int port) { }
        public WebSocketServer(IPAddress address, int port, bool secure) { }
        public IPAddress Address => null;
        public bool IsListening => false;
        public bool IsSecure => false;
        public int Port => 0;
        public bool KeepClean { get; set; }
        public bool ReuseAddress { get; set; }
        public bool AllowForwardedRequest { get; set; }
        public TimeSpan WaitTime { get; set; }
        public Logger Log => null;
        public WebSocketSharp.Net.ServerSslConfiguration SslConfiguration => null;
        public WebSocketServiceManager WebSocketServices => null;
        public void AddWebSocketService<TBehavior>(string path) where TBehavior : WebSocketBehavior, new() { }
        public void AddWebSocketService<TBehavior>(string path, Action<TBehavior> initializer) where TBehavior : WebSocketBehavior, new() { }
        public void AddWebSocketService<TBehavior>(string path, Func<TBehavior> creator) where TBehavior : WebSocketBehavior { }
        public bool RemoveWebSocketService(string path) => false;
        public void Start() { }
        public void Stop() { }
        public void Stop(ushort code, string reason) { }
        public void Stop(CloseStatusCode code, string reason) { }
    }
}
