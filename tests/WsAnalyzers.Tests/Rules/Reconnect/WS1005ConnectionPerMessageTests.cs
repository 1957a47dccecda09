using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

public sealed class WS1005ConnectionPerMessageTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.ConnectionPerMessage);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings + "using System.Collections.Generic;\nusing System.Text;\n";

    [Fact]
    public Task Connections_per_message_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Publisher
        {
            private readonly Uri _uri = new("wss://example.org");
            private readonly WebSocketSharp.WebSocket _feed = new("wss://example.org/feed");

            public async Task PublishAllAsync(IEnumerable<string> messages, CancellationToken ct)
            {
                foreach (var message in messages)
                {
                    var socket = new ClientWebSocket();
                    await {|WS1005:socket.ConnectAsync(_uri, ct)|};
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, ct);
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
                }
            }

            public async Task PublishAsync(string message, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await {|WS1005:socket.ConnectAsync(_uri, ct)|};
                var payload = Encoding.UTF8.GetBytes(message);
                await socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, ct);
            }

            public void Relay()
            {
                _feed.OnMessage += (sender, e) =>
                {
                    using (var target = new WebSocketSharp.WebSocket("wss://example.org/archive"))
                    {
                        {|WS1005:target.Connect()|};
                        target.Send(e.Data);
                    }
                };
            }

            public async Task NotifyAsync(IEnumerable<string> texts)
            {
                foreach (var text in texts)
                {
                    using var client = new WebsocketClient(_uri);
                    await {|WS1005:client.Start()|};
                    client.Send(text);
                }
            }
        }
        """);

    [Fact]
    public Task Long_lived_connections_sessions_and_a_programs_single_message_are_not_flagged()
    {
        var test = Verify.CreateTest(Source, fixedSource: null);
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId, solution.GetProject(projectId)!.CompilationOptions!.WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)));
        return test.RunAsync();
    }

    private const string Source = Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private ClientWebSocket _socket;

            public async Task PublishAllAsync(IEnumerable<string> messages, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(_uri, ct);
                foreach (var message in messages)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, ct);
                }
            }

            public async Task SubscribeAsync(string topic, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(_uri, ct);
                await socket.SendAsync(Encoding.UTF8.GetBytes("subscribe " + topic), WebSocketMessageType.Text, true, ct);
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                }
            }

            public async Task<ClientWebSocket> OpenAsync(string hello, CancellationToken ct)
            {
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(_uri, ct);
                await socket.SendAsync(Encoding.UTF8.GetBytes(hello), WebSocketMessageType.Text, true, ct);
                return socket;
            }

            public async Task StoreAsync(string hello, CancellationToken ct)
            {
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(_uri, ct);
                await socket.SendAsync(Encoding.UTF8.GetBytes(hello), WebSocketMessageType.Text, true, ct);
                _socket = socket;
            }

            public static async Task Main(string[] args)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(args[0]), default);
                await socket.SendAsync(Encoding.UTF8.GetBytes(args[1]), WebSocketMessageType.Text, true, default);
            }

            public async Task PingOnceAsync(CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(_uri, ct);
                await socket.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, ct);
            }
        }
        """;
}
