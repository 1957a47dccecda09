using System.Net;
using System.Net.Sockets;

namespace WsAnalyzers.Cli.Tests.Proxy;

internal static class FreePort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on now (the proxy binds it a moment later).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
