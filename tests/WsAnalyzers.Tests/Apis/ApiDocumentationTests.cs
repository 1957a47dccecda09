using System.IO;
using System.Text.RegularExpressions;
using WsAnalyzers.Tests.Infrastructure;

namespace WsAnalyzers.Tests.Apis;

/// <summary>The documentation names the APIs the rules understand: the README's first paragraph, and every rule page in
/// an "APIs" section.</summary>
public sealed class ApiDocumentationTests
{
    /// <summary>The API families of the rule contract, as the README names them.</summary>
    private static readonly string[] ApiNames =
    [
        "System.Net.WebSockets", "`HttpListener`", "ASP.NET Core", "classic ASP.NET", "SignalR", "ASP.NET SignalR 2",
        "Websocket.Client", "websocket-sharp", "Fleck", "EmbedIO",
    ];

    [Fact]
    public void The_readmes_first_paragraph_names_every_api()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md")).Replace("\r\n", "\n");
        var firstParagraph = readme.Split("\n\n")[1].Replace('\n', ' ');
        Assert.All(ApiNames, name => Assert.Contains(name, firstParagraph));
    }

    [Theory]
    [MemberData(nameof(DocumentationTests.RuleIds), MemberType = typeof(DocumentationTests))]
    public void Every_rule_page_lists_the_apis_it_understands(string id)
    {
        var page = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", id + ".md")).Replace("\r\n", "\n");
        var section = Regex.Match(page, @"^## APIs\n\n(?<body>.+?)(?=^## )", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, $"docs/rules/{id}.md has no \"## APIs\" section before the next section");
        Assert.Contains("`", section.Groups["body"].Value);
    }
}
