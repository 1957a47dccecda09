using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace WsAnalyzers.Package.Tests;

/// <summary>
/// An editor's side of the Language Server Protocol over a server's standard input and output: initialize with a
/// root folder and settings, open a file, pull its diagnostics (LSP 3.17 <c>textDocument/diagnostic</c>).
/// </summary>
internal sealed class LanguageServerClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly JsonRpc _rpc;
    private readonly JObject _settings;
    private readonly StringBuilder _log = new();
    private readonly ConcurrentQueue<string> _messages = new();

    private LanguageServerClient(Process process, JObject settings)
    {
        _process = process;
        _settings = settings;
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new JsonMessageFormatter()));
        _rpc.AddLocalRpcMethod("window/logMessage", new Action<int, string>((type, message) => _messages.Enqueue(message)));
        _rpc.AddLocalRpcMethod("window/showMessage", new Action<int, string>((type, message) => _messages.Enqueue(message)));
        _rpc.AddLocalRpcMethod("workspace/configuration", new Func<JArray, JArray>(items =>
            new JArray(items.Select(item => (JToken?)_settings[(string?)item["section"] ?? string.Empty] ?? new JObject()))));
        _rpc.AddLocalRpcMethod("window/workDoneProgress/create", new Func<JToken, object?>(token => null));
        _rpc.AddLocalRpcMethod("client/registerCapability", new Func<JToken, object?>(registrations => null));
        _rpc.AddLocalRpcMethod("$/progress", new Action<JToken, JToken>((token, value) => { }));
        _rpc.AddLocalRpcMethod("textDocument/publishDiagnostics", new Action<JToken, JToken>((uri, diagnostics) => { }));
        _rpc.StartListening();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_log)
            {
                _log.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>What the server logged (its messages to the client and its standard error), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _messages) + "\n" + _log;
            }
        }
    }

    /// <summary>Starts the server in <paramref name="root"/> and completes the initialize handshake with
    /// <paramref name="settings"/> as both the initialization options and the answer to workspace/configuration.</summary>
    public static async Task<LanguageServerClient> StartAsync(ProcessStartInfo server, string root, JObject settings)
    {
        var process = Process.Start(server) ?? throw new InvalidOperationException($"cannot start {server.FileName}");
        var client = new LanguageServerClient(process, settings);
        await client._rpc.InvokeWithParameterObjectAsync<JToken>("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = new Uri(root).AbsoluteUri,
            workspaceFolders = new[] { new { uri = new Uri(root).AbsoluteUri, name = "root" } },
            capabilities = new
            {
                textDocument = new { diagnostic = new { dynamicRegistration = false }, publishDiagnostics = new { } },
                workspace = new { configuration = true },
            },
            initializationOptions = settings,
        });
        await client._rpc.NotifyWithParameterObjectAsync("initialized", new { });
        await client._rpc.NotifyWithParameterObjectAsync("workspace/didChangeConfiguration", new { settings });
        return client;
    }

    /// <summary>Waits until the server has logged a message containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_messages.Any(m => m.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"the language server did not log '{text}' within {timeout}:\n{Log}");
            }

            await Task.Delay(200);
        }
    }

    public Task OpenAsync(string path, string text) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new
        {
            textDocument = new { uri = new Uri(path).AbsoluteUri, languageId = "csharp", version = 1, text },
        });

    /// <summary>Pulls the diagnostics of <paramref name="path"/> until <paramref name="done"/> accepts them (a server
    /// may answer before its analyzers ran) or <paramref name="timeout"/> passes; returns the last answer.</summary>
    public async Task<JArray> PullDiagnosticsAsync(string path, Func<JArray, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var report = await _rpc.InvokeWithParameterObjectAsync<JObject>(
                "textDocument/diagnostic", new { textDocument = new { uri = new Uri(path).AbsoluteUri } }, cancellation.Token);
            var items = report["items"] as JArray ?? new JArray();
            if (done(items) || DateTime.UtcNow > deadline)
            {
                return items;
            }

            await Task.Delay(1000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _rpc.InvokeWithCancellationAsync("shutdown", cancellationToken: cancellation.Token);
            await _rpc.NotifyAsync("exit");
        }
        catch (Exception e) when (e is ConnectionLostException or OperationCanceledException or RemoteInvocationException)
        {
        }

        _rpc.Dispose();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
