using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>
/// nginx or HAProxy running in the foreground with its configuration, pid and log files in a test's temp folder,
/// listening on a port of 127.0.0.1. Disposing kills it, also when the test failed.
/// </summary>
internal sealed class ProxyProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _logFile;

    private ProxyProcess(Process process, int port, string logFile)
    {
        _process = process;
        Port = port;
        _logFile = logFile;
    }

    public int Port { get; }

    public Uri Url(string path) => new($"ws://127.0.0.1:{Port}/{path.TrimStart('/')}");

    /// <summary>Starts the binary and waits until its port accepts connections; fails with its output if it exits first.</summary>
    public static async Task<ProxyProcess> StartAsync(string binary, IEnumerable<string> arguments, int port, string logFile)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + binary);
        var proxy = new ProxyProcess(process, port, logFile);
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                process.WaitForExit();
                var output = proxy.Output;
                proxy.Dispose();
                Assert.Fail($"{Path.GetFileName(binary)} exited with {exitCode} at start:\n{output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        var log = proxy.Output;
        proxy.Dispose();
        Assert.Fail($"{Path.GetFileName(binary)} did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds} s:\n{log}");
        return proxy;
    }

    /// <summary>What the proxy printed and logged, for failure messages.</summary>
    public string Output
    {
        get
        {
            string log;
            try
            {
                log = File.Exists(_logFile) ? File.ReadAllText(_logFile) : string.Empty;
            }
            catch (IOException)
            {
                log = string.Empty;
            }

            lock (_output)
            {
                return _output + log;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
