using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsAnalyzers.Apis;
using WsAnalyzers.Configuration;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>
/// The words an accept's rules ask of every file are searched by the relevance gate while it reads each text, and the
/// project facts then read only the files that spell one; a gate made without them leaves the facts to search every file.
/// Either way the facts are the same.
/// </summary>
public sealed class FileWordsTests
{
    private const string OriginCheck = """
        using Microsoft.AspNetCore.Http;

        public sealed class ReportService
        {
            public static bool FromUs(HttpContext context) => context.Request.Headers.Origin == "https://app.example.com";
        }
        """;

    private const string Fallback = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.Extensions.DependencyInjection;

        public static class Security
        {
            public static void Add(IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }
        """;

    private const string Cookies = """
        using Microsoft.Extensions.DependencyInjection;

        public static class Sessions
        {
            public static void Add(IServiceCollection services) => services.AddAuthentication().AddCookie("Session");
        }
        """;

    [Fact]
    public void The_gate_lists_the_files_that_spell_the_words_it_was_given()
    {
        var compilation = Compile(GateCompilations.OrdinaryService, OriginCheck, Fallback, WebSocketRelevanceTests.PublicRegistry, Cookies);

        var relevance = WebSocketRelevance.For(compilation, FileWords.AskedByAnAccept);

        Assert.Equal(FileWords.AskedByAnAccept, relevance.FactWordsSearched);
        Assert.Equal(["File1.cs", "File2.cs", "File4.cs"], relevance.SpellingFactWords.Select(tree => tree.FilePath));
    }

    [Fact]
    public void An_accepts_words_are_asked_only_where_an_aspnetcore_accept_can_be_and_its_rules_run()
    {
        var server = Compile(WebSocketRelevanceTests.PublicRegistry);
        var apis = WebSocketApis.For(server)!;

        // Only the words the references can make a fact of (the server's keep-alive timeout is newer than some of them).
        Assert.Equal(FileWords.Resolvable(apis.Configuration) & FileWords.AskedByAnAccept, FileWords.AskedByAnAcceptIn(apis, acceptRulesRun: true));
        Assert.NotEqual(0, FileWords.AskedByAnAcceptIn(apis, acceptRulesRun: true) & FileWords.Origin);
        Assert.Equal(0, FileWords.AskedByAnAcceptIn(apis, acceptRulesRun: false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Facts_in_files_without_websockets_are_found_whether_or_not_the_gate_searched_their_words(bool gateSearched)
    {
        var compilation = Compile(GateCompilations.OrdinaryService, OriginCheck, Fallback, WebSocketRelevanceTests.PublicRegistry, Cookies);
        var relevance = WebSocketRelevance.For(compilation, gateSearched ? FileWords.AskedByAnAccept : 0);
        Assert.Equal(gateSearched ? FileWords.AskedByAnAccept : 0, relevance.FactWordsSearched);
        var apis = WebSocketApis.For(compilation)!;
        var caches = new ConfigurationCaches(apis);

        Assert.True(caches.Project(ProjectFactGroup.Origins, CancellationToken.None).OriginHeaderRead);
        Assert.True(caches.Project(ProjectFactGroup.FallbackPolicy, CancellationToken.None).FallbackPolicySet);
        Assert.False(caches.Project(ProjectFactGroup.ServerOptions, CancellationToken.None).ServerKeepAliveTimeoutSet);
        var schemes = caches.Project(ProjectFactGroup.AmbientSchemes, CancellationToken.None);
        Assert.True(schemes.AmbientSchemeRegistered);
        Assert.Contains("Session", schemes.AmbientSchemes);
    }

    [Fact]
    public void Each_member_spelled_in_a_skipped_file_may_be_used_there_unless_it_is_private()
    {
        var compilation = Compile(
            "public sealed class Reader { public int Count(Hub h) => h.Peers.Count + h.Rooms.Count; }",
            """
            using System.Collections.Generic;
            using System.Net.WebSockets;

            public sealed class Hub
            {
                public readonly List<WebSocket> Peers = new();
                public readonly List<WebSocket> Rooms = new();
                public readonly List<WebSocket> Unread = new();
                private readonly List<WebSocket> Count = new();
            }
            """);
        var hub = GateCompilations.Type(compilation, "Hub");

        var used = WebSocketRelevance.For(compilation).MayBeUsedWhereSkipped(hub.GetMembers().OfType<IFieldSymbol>(), CancellationToken.None);

        Assert.Equal(["Peers", "Rooms"], used.Select(member => member.Name).Order());
    }

    private static CSharpCompilation Compile(params string[] sources) => GateCompilations.Compile(sources);
}
