// Stand-in for Fleck (not served by the package registry here), fuller than tests/StandIns/Fleck.cs (which it replaces
// in the real-world evaluation): the real namespace, type names and member signatures. No behaviour.
#nullable disable
#pragma warning disable
using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace Fleck
{
    public enum LogLevel { Debug, Info, Warn, Error }

    public static class FleckLog
    {
        public static LogLevel Level;
        public static Action<LogLevel, string, Exception> LogAction;
        public static void Warn(string message, Exception ex = null) { }
        public static void Error(string message, Exception ex = null) { }
        public static void Debug(string message, Exception ex = null) { }
        public static void Info(string message, Exception ex = null) { }
    }

    public interface IWebSocketConnectionInfo
    {
        string SubProtocol { get; }
        string Origin { get; }
        string Host { get; }
        string Path { get; }
        string ClientIpAddress { get; }
        int ClientPort { get; }
        IDictionary<string, string> Cookies { get; }
        IDictionary<string, string> Headers { get; }
        Guid Id { get; }
        string NegotiatedSubProtocol { get; }
    }

    public interface IWebSocketConnection
    {
        Action OnOpen { get; set; }
        Action OnClose { get; set; }
        Action<string> OnMessage { get; set; }
        Action<byte[]> OnBinary { get; set; }
        Action<byte[]> OnPing { get; set; }
        Action<byte[]> OnPong { get; set; }
        Action<Exception> OnError { get; set; }
        Task Send(string message);
        Task Send(byte[] message);
        Task SendPing(byte[] message);
        Task SendPong(byte[] message);
        void Close();
        void Close(int code);
        IWebSocketConnectionInfo ConnectionInfo { get; }
        bool IsAvailable { get; }
    }

    public interface IWebSocketServer : IDisposable
    {
        void Start(Action<IWebSocketConnection> config);
    }

    public class WebSocketServer : IWebSocketServer
    {
        public WebSocketServer(string location, bool supportDualStack = true) { }
        public string Location => null;
        public int Port => 0;
        public bool SupportDualStack => true;
        public X509Certificate2 Certificate { get; set; }
        public System.Security.Authentication.SslProtocols EnabledSslProtocols { get; set; }
        public IEnumerable<string> SupportedSubProtocols { get; set; }
        public bool RestartAfterListenError { get; set; }
        public bool IsSecure => false;
        public void Start(Action<IWebSocketConnection> config) { }
        public void Dispose() { }
    }
}
