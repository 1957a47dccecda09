using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>A real ClientWebSocket through the proxy: connect, echo, and whether an idle connection survives.</summary>
internal static class WebSocketProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<ClientWebSocket> ConnectAsync(Uri uri)
    {
        // No client keep-alive: only the application's keep-alive crosses an idle connection, as with a browser.
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return socket;
    }

    /// <summary>The connect error, or null when the handshake succeeded (and an echo came back).</summary>
    public static async Task<string?> HandshakeErrorAsync(Uri uri)
    {
        try
        {
            using var socket = await ConnectAsync(uri);
            Assert.Equal("hello", await EchoAsync(socket, "hello"));
            return null;
        }
        catch (WebSocketException e)
        {
            return e.Message;
        }
    }

    public static async Task<string> EchoAsync(ClientWebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    /// <summary>
    /// Leaves a connected socket idle for <paramref name="idle"/>, then echoes: null when it survived, else how it was
    /// cut (and after how long).
    /// </summary>
    public static async Task<string?> IdleThenEchoAsync(ClientWebSocket socket, TimeSpan idle)
    {
        var buffer = new byte[4096];
        var started = DateTime.UtcNow;
        using var receiveTimeout = new CancellationTokenSource(idle + Timeout);
        var pending = socket.ReceiveAsync(buffer, receiveTimeout.Token);
        if (await Task.WhenAny(pending, Task.Delay(idle)) == pending)
        {
            var after = (DateTime.UtcNow - started).TotalSeconds;
            try
            {
                var result = await pending;
                return $"closed after {after:0.0} s idle ({result.MessageType}, {result.CloseStatus})";
            }
            catch (WebSocketException e)
            {
                return $"cut after {after:0.0} s idle: {e.Message}";
            }
        }

        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes("still there"), WebSocketMessageType.Text, true, receiveTimeout.Token);
            var result = await pending;
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            return text == "still there" ? null : $"unexpected reply after the idle period: {result.MessageType} '{text}'";
        }
        catch (WebSocketException e)
        {
            return $"cut after the idle period: {e.Message}";
        }
    }
}
