using System.IO;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>
/// Runs nginx on a site file: a main nginx.conf in the temp folder (pid, logs and temp paths there, no daemon, one
/// process) includes the site, whose `listen 80` becomes a free port of 127.0.0.1 and whose upstream servers
/// 127.0.0.1:3000, :3001 become the echo servers' ports.
/// </summary>
internal static class Nginx
{
    public static async Task<(ProxyProcess Process, string MainConfig)> StartAsync(TempFolder folder, string site, params int[] appPorts)
    {
        var binary = ProxyBinary.Require("nginx");
        var port = FreePort.Next();
        var text = site.Replace("listen 80;", $"listen 127.0.0.1:{port};");
        for (var i = 0; i < appPorts.Length; i++)
        {
            text = text.Replace($"127.0.0.1:{3000 + i};", $"127.0.0.1:{appPorts[i]};");
        }

        File.WriteAllText(folder.Combine("site.conf"), text);
        var dir = folder.Path;
        var main = folder.Combine("nginx.conf");
        File.WriteAllText(main, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log info;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{dir}}/client_body;
                proxy_temp_path {{dir}}/proxy_temp;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                include site.conf;
            }
            """);
        var process = await ProxyProcess.StartAsync(binary, ["-p", dir + "/", "-c", main, "-e", dir + "/error.log"], port, folder.Combine("error.log"));
        return (process, main);
    }
}
