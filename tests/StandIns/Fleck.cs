// Stand-in for Fleck (not served by the package registry here): the real namespace, type names and member
// signatures of the members the analyzers and the valid-code project use. No behaviour.
#nullable disable
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Fleck
{
    public interface IWebSocketConnectionInfo
    {
        Guid Id { get; }
        string ClientIpAddress { get; }
        string Origin { get; }
        IDictionary<string, string> Headers { get; }
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
        public void Start(Action<IWebSocketConnection> config) { }
        public void Dispose() { }
    }
}
