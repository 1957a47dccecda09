using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Reconnect;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

public sealed class WS1001UseWithAutomaticReconnectFixTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, UseWithAutomaticReconnectCodeFixProvider> Verify = new(RuleIdentifiers.ReconnectWithoutDelay);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings;

    [Fact]
    public Task Fix_All_adds_WithAutomaticReconnect_and_removes_the_manual_restarts() => Verify.VerifyCodeFixAsync(Usings + """
        class Chat
        {
            private readonly HubConnection _connection;

            public Chat(Uri url)
            {
                _connection = new HubConnectionBuilder()
                    .WithUrl(url)
                    .Build();
                _connection.Closed += async error => await {|WS1001:_connection.StartAsync()|};
                _connection.Closed += async error =>
                {
                    Console.WriteLine("closed");
                    await {|WS1001:_connection.StartAsync()|};
                };
            }
        }
        """, Usings + """
        class Chat
        {
            private readonly HubConnection _connection;

            public Chat(Uri url)
            {
                _connection = new HubConnectionBuilder()
                    .WithUrl(url)
                    .WithAutomaticReconnect()
                    .Build();
                _connection.Closed += async error =>
                {
                    Console.WriteLine("closed");
                };
            }
        }
        """);

    [Fact]
    public Task No_fix_when_the_builder_is_not_in_the_type()
    {
        var source = Usings + """
            class Chat
            {
                public Chat(HubConnection connection)
                {
                    connection.Closed += async error => await {|WS1001:connection.StartAsync()|};
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source);
    }
}
