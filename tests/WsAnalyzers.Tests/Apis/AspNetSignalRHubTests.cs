using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.MessageHandlers;
using WsAnalyzers.CodeFixes.ResourceBounds;
using WsAnalyzers.CodeFixes.Sending;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;
using WsAnalyzers.ResourceBounds;
using WsAnalyzers.Sending;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Apis;

/// <summary>
/// ASP.NET SignalR 2.x servers (<c>Microsoft.AspNet.SignalR</c>): Hub methods are message handlers, OnConnected /
/// OnReconnected open handlers and OnDisconnected(bool stopCalled) the end of a connection, where its registrations must
/// be removed; PersistentConnection the same through OnConnected / OnReceived / OnDisconnected. Hubs and persistent
/// connections are created per call, so only static state outlives a connection; their sends (dynamic
/// <c>Clients.*</c> calls, <c>Connection.Send</c>/<c>Broadcast</c>) tolerate clients that are gone.
/// </summary>
public sealed class AspNetSignalRHubTests
{
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionCollectionNeverShrunkCodeFixProvider> NeverShrunk = new(RuleIdentifiers.ConnectionCollectionNeverShrunk);
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, MessageHistoryUnboundedCodeFixProvider> History = new(RuleIdentifiers.MessageHistoryUnbounded);
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionNotRemovedOnEveryClosePathCodeFixProvider> NotRemoved = new(RuleIdentifiers.ConnectionNotRemovedOnEveryClosePath);
    private static readonly RuleVerifier<SendingAnalyzer, SendWithoutStateCheckCodeFixProvider> StateCheck = new(RuleIdentifiers.SendWithoutStateCheck);
    private static readonly RuleVerifier<SendingAnalyzer, BroadcastStopsAtFirstFailureCodeFixProvider> Broadcast = new(RuleIdentifiers.BroadcastStopsAtFirstFailure);
    private static readonly RuleVerifier<MessageHandlersAnalyzer, BlockingCallInHandlerCodeFixProvider> Blocking = new(RuleIdentifiers.BlockingCallInHandler);
    private static readonly RuleVerifier<MessageHandlersAnalyzer, CpuBoundLoopInHandlerCodeFixProvider> CpuBound = new(RuleIdentifiers.CpuBoundLoopInHandler);

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNet.SignalR;

        """;

    private static Task VerifyEndOfCompilationFixAsync<TAnalyzer, TFix>(RuleVerifier<TAnalyzer, TFix> verifier, string source, string fixedSource)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = verifier.CreateTest(source, fixedSource);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task Users_registered_in_OnConnected_and_never_removed_are_flagged_and_the_fix_adds_OnDisconnected_bool() =>
        VerifyEndOfCompilationFixAsync(NeverShrunk, Usings + """
            class ChatHub : Hub
            {
                private static readonly ConcurrentDictionary<string, string> {|WS2001:Users|} = new();

                public override Task OnConnected()
                {
                    Users.TryAdd(Context.ConnectionId, Context.User.Identity.Name);
                    return base.OnConnected();
                }

                public void Send(string message) => Clients.All.addMessage(Users[Context.ConnectionId], message);
            }
            """, Usings + """
            class ChatHub : Hub
            {
                private static readonly ConcurrentDictionary<string, string> Users = new();

                public override Task OnConnected()
                {
                    Users.TryAdd(Context.ConnectionId, Context.User.Identity.Name);
                    return base.OnConnected();
                }

                public override Task OnDisconnected(bool stopCalled)
                {
                    Users.TryRemove(Context.ConnectionId, out _);
                    return base.OnDisconnected(stopCalled);
                }

                public void Send(string message) => Clients.All.addMessage(Users[Context.ConnectionId], message);
            }
            """);

    [Fact]
    public Task The_fix_extends_an_existing_OnDisconnected() =>
        VerifyEndOfCompilationFixAsync(NeverShrunk, Usings + """
            class ChatHub : Hub
            {
                private static readonly HashSet<string> {|WS2001:Online|} = new();

                public override Task OnReconnected()
                {
                    lock (Online)
                    {
                        Online.Add(Context.ConnectionId);
                    }

                    return base.OnReconnected();
                }

                public override Task OnDisconnected(bool stopCalled)
                {
                    Clients.Others.left(Context.ConnectionId);
                    return base.OnDisconnected(stopCalled);
                }
            }
            """, Usings + """
            class ChatHub : Hub
            {
                private static readonly HashSet<string> Online = new();

                public override Task OnReconnected()
                {
                    lock (Online)
                    {
                        Online.Add(Context.ConnectionId);
                    }

                    return base.OnReconnected();
                }

                public override Task OnDisconnected(bool stopCalled)
                {
                    lock (Online)
                    {
                        Online.Remove(Context.ConnectionId);
                    }

                    Clients.Others.left(Context.ConnectionId);
                    return base.OnDisconnected(stopCalled);
                }
            }
            """);

    [Fact]
    public Task Instance_state_of_a_hub_dies_with_the_call_and_plain_classes_are_not_hubs() => NeverShrunk.VerifyAnalyzerAsync(Usings + """
        class ChatHub : Hub
        {
            private readonly List<string> _seen = new();

            public override Task OnConnected()
            {
                _seen.Add(Context.ConnectionId);
                return base.OnConnected();
            }
        }

        class Roster
        {
            private static readonly List<string> Names = new();

            public Task OnConnected(string name)
            {
                Names.Add(name);
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task A_removal_outside_OnDisconnected_is_flagged_and_the_fix_adds_one_there() =>
        VerifyEndOfCompilationFixAsync(NotRemoved, Usings + """
            class GameHub : Hub
            {
                private static readonly ConcurrentDictionary<string, DateTime> Players = new();

                public override Task OnConnected()
                {
                    {|WS2003:Players.TryAdd(Context.ConnectionId, DateTime.UtcNow)|};
                    return base.OnConnected();
                }

                public void Leave() => Players.TryRemove(Context.ConnectionId, out _);
            }
            """, Usings + """
            class GameHub : Hub
            {
                private static readonly ConcurrentDictionary<string, DateTime> Players = new();

                public override Task OnConnected()
                {
                    Players.TryAdd(Context.ConnectionId, DateTime.UtcNow);
                    return base.OnConnected();
                }

                public override Task OnDisconnected(bool stopCalled)
                {
                    Players.TryRemove(Context.ConnectionId, out _);
                    return base.OnDisconnected(stopCalled);
                }

                public void Leave() => Players.TryRemove(Context.ConnectionId, out _);
            }
            """);

    [Fact]
    public Task Removals_in_either_OnDisconnected_directly_or_through_a_helper_are_every_close_path() => NotRemoved.VerifyAnalyzerAsync(Usings + """
        class GameHub : Hub
        {
            private static readonly ConcurrentDictionary<string, DateTime> Players = new();

            public override Task OnConnected()
            {
                Players.TryAdd(Context.ConnectionId, DateTime.UtcNow);
                return base.OnConnected();
            }

            public override Task OnDisconnected(bool stopCalled)
            {
                Forget(Context.ConnectionId);
                return base.OnDisconnected(stopCalled);
            }

            private static void Forget(string id) => Players.TryRemove(id, out _);
        }

        class LegacyHub : Hub
        {
            private static readonly ConcurrentDictionary<string, DateTime> Players = new();

            public override Task OnConnected()
            {
                Players.TryAdd(Context.ConnectionId, DateTime.UtcNow);
                return base.OnConnected();
            }

        #pragma warning disable CS0618, CS0672
            public override Task OnDisconnected()
            {
                Players.TryRemove(Context.ConnectionId, out _);
                return base.OnDisconnected();
            }
        #pragma warning restore CS0618, CS0672
        }
        """);

    [Fact]
    public Task A_persistent_connection_registering_its_connection_id_gets_the_fix_in_its_own_OnDisconnected() =>
        VerifyEndOfCompilationFixAsync(NeverShrunk, Usings + """
            class Feed : PersistentConnection
            {
                private static readonly ConcurrentDictionary<string, IRequest> {|WS2001:Requests|} = new();

                protected override Task OnConnected(IRequest request, string connectionId)
                {
                    Requests.TryAdd(connectionId, request);
                    return base.OnConnected(request, connectionId);
                }

                protected override Task OnReceived(IRequest request, string connectionId, string data) => Connection.Broadcast(data);
            }
            """, Usings + """
            class Feed : PersistentConnection
            {
                private static readonly ConcurrentDictionary<string, IRequest> Requests = new();

                protected override Task OnConnected(IRequest request, string connectionId)
                {
                    Requests.TryAdd(connectionId, request);
                    return base.OnConnected(request, connectionId);
                }

                protected override Task OnDisconnected(IRequest request, string connectionId, bool stopCalled)
                {
                    Requests.TryRemove(connectionId, out _);
                    return base.OnDisconnected(request, connectionId, stopCalled);
                }

                protected override Task OnReceived(IRequest request, string connectionId, string data) => Connection.Broadcast(data);
            }
            """);

    [Fact]
    public Task A_history_appended_by_a_hub_method_is_flagged() => History.VerifyAnalyzerAsync(Usings + """
        class ChatHub : Hub
        {
            private static readonly List<string> {|WS2002:Messages|} = new();

            public void Send(string name, string message)
            {
                Messages.Add(name + ": " + message);
                Clients.All.broadcastMessage(name, message);
            }
        }
        """);

    [Fact]
    public Task Blocking_in_a_hub_method_is_flagged_and_the_fix_makes_it_async() => Blocking.VerifyCodeFixAsync(Usings + """
        class ChatHub : Hub
        {
            public void Send(string name, string message)
            {
                {|WS4002:Thread.Sleep(250)|};
                Clients.All.broadcastMessage(name, message);
            }
        }
        """, Usings + """
        class ChatHub : Hub
        {
            public async Task Send(string name, string message)
            {
                await Task.Delay(250);
                Clients.All.broadcastMessage(name, message);
            }
        }
        """);

    [Fact]
    public Task Blocking_in_OnReceived_of_a_persistent_connection_is_flagged_and_not_in_other_classes() => Blocking.VerifyAnalyzerAsync(Usings + """
        class Feed : PersistentConnection
        {
            protected override Task OnReceived(IRequest request, string connectionId, string data)
            {
                var stored = SaveAsync(data);
                {|WS4002:stored.Wait()|};
                return Connection.Send(connectionId, "saved");
            }

            private static Task SaveAsync(string data) => Task.CompletedTask;
        }

        class Worker
        {
            public void OnReceived(string data) => Thread.Sleep(100);
        }
        """);

    [Fact]
    public Task A_cpu_loop_in_a_hub_method_is_flagged_and_parsing_the_message_is_not() => CpuBound.VerifyAnalyzerAsync(Usings + """
        class MathHub : Hub
        {
            public int Score(string message)
            {
                var score = 0;
                foreach (var c in message)
                {
                    score += c;
                }

                {|WS4001:for|} (var i = 0; i < 50_000_000; i++)
                {
                    score ^= i;
                }

                return score;
            }
        }
        """);

    [Fact]
    public Task Hub_sends_tolerate_clients_that_are_gone_and_are_not_flagged() => StateCheck.VerifyAnalyzerAsync(Usings + """
        public interface IChatClient
        {
            Task Receive(string message);
        }

        class ChatHub : Hub
        {
            public void Send(string message) => Clients.All.broadcastMessage(message);
        }

        class TypedHub : Hub<IChatClient>
        {
            public Task Send(string message) => Clients.All.Receive(message);
        }

        class Feed : PersistentConnection
        {
            protected override Task OnReceived(IRequest request, string connectionId, string data) => Connection.Send(connectionId, data);
        }
        """);

    [Fact]
    public Task A_loop_over_connection_ids_through_the_hub_context_is_not_a_failing_broadcast() => Broadcast.VerifyAnalyzerAsync(Usings + """
        class Notifier
        {
            private static readonly List<string> Ids = new();

            public static void NotifyAll(string message)
            {
                var hub = GlobalHost.ConnectionManager.GetHubContext("chat");
                foreach (var id in Ids)
                {
                    hub.Clients.Client(id).notify(message);
                }
            }
        }
        """);
}
