using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>Runs HAProxy in the foreground (-db) on a configuration file in the temp folder.</summary>
internal static class HAProxy
{
    public static async Task<(ProxyProcess Process, string Config)> StartAsync(TempFolder folder, string clientTimeout, string serverTimeout, string backendExtra, int appPort)
    {
        var binary = ProxyBinary.Require("haproxy");
        var port = FreePort.Next();
        var config = folder.Combine("haproxy.cfg");
        File.WriteAllText(config, ProxyConfigs.HAProxy(port, appPort, clientTimeout, serverTimeout, backendExtra) + "\n");
        var process = await ProxyProcess.StartAsync(binary, ["-db", "-f", config], port, folder.Combine("none.log"));
        return (process, config);
    }
}
