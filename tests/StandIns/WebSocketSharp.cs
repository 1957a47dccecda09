// Stand-in for websocket-sharp (not served by the package registry here): the real namespaces, type names and
// member signatures of the members the analyzers and the valid-code project use. No behaviour.
#nullable disable
using System;

namespace WebSocketSharp
{
    public enum WebSocketState : ushort
    {
        New = 0,
        Connecting = 1,
        Open = 2,
        Closing = 3,
        Closed = 4,
    }

    public enum CloseStatusCode : ushort
    {
        Normal = 1000,
        Away = 1001,
        Abnormal = 1006,
    }

    public class MessageEventArgs : EventArgs
    {
        public string Data => null;
        public byte[] RawData => null;
        public bool IsText => true;
        public bool IsBinary => false;
        public bool IsPing => false;
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

    public class WebSocket : IDisposable
    {
        public WebSocket(string url, params string[] protocols) { }

        public event EventHandler<CloseEventArgs> OnClose;
        public event EventHandler<ErrorEventArgs> OnError;
        public event EventHandler<MessageEventArgs> OnMessage;
        public event EventHandler OnOpen;

        public WebSocketState ReadyState => WebSocketState.New;
        public bool IsAlive => false;
        public TimeSpan WaitTime { get; set; }

        public void Connect() { }
        public void ConnectAsync() { }
        public void Send(string data) { }
        public void Send(byte[] data) { }
        public void SendAsync(string data, Action<bool> completed) { }
        public void SendAsync(byte[] data, Action<bool> completed) { }
        public void Close() { }
        public void Close(ushort code, string reason) { }
        public void Close(CloseStatusCode code) { }
        public void CloseAsync() { }
        public bool Ping() => false;
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

namespace WebSocketSharp.Net.WebSockets
{
    public abstract class WebSocketContext
    {
        public abstract WebSocketSharp.WebSocket WebSocket { get; }
    }
}

namespace WebSocketSharp.Server
{
    public class WebSocketSessionManager
    {
        public void Broadcast(string data) { }
        public void SendTo(string data, string id) { }
        public int Count => 0;
    }

    public abstract class WebSocketBehavior
    {
        protected WebSocketBehavior() { }

        public string ID => null;
        public WebSocketState ReadyState => WebSocketState.New;
        public WebSocketSharp.Net.WebSockets.WebSocketContext Context => null;
        protected WebSocketSessionManager Sessions => null;

        protected virtual void OnClose(CloseEventArgs e) { }
        protected virtual void OnError(ErrorEventArgs e) { }
        protected virtual void OnMessage(MessageEventArgs e) { }
        protected virtual void OnOpen() { }

        protected void Send(string data) { }
        protected void Send(byte[] data) { }
        protected void SendAsync(string data, Action<bool> completed) { }
        protected void Close() { }
    }

    public class WebSocketServer
    {
        public WebSocketServer(string url) { }
        public void AddWebSocketService<TBehavior>(string path) where TBehavior : WebSocketBehavior, new() { }
        public void Start() { }
        public void Stop() { }
    }
}
