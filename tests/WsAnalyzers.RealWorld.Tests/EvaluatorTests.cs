using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WsAnalyzers.RealWorld.Analysis;
using WsAnalyzers.RealWorld.Building;
using WsAnalyzers.RealWorld.Labels;
using WsAnalyzers.RealWorld.Repositories;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.RealWorld.Tests;

public class EvaluatorTests
{
    [Fact]
    public async Task Materialises_a_mirror_at_its_commit_compiles_analyzes_and_judges_every_label()
    {
        using var repository = new TempRepository("someone/fleck-chat");
        repository.Write("Server/Server.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Fleck" Version="1.2.0" /></ItemGroup>
            </Project>
            """);
        repository.Write("Server/Program.cs", """
            using Fleck;
            var everyone = new List<IWebSocketConnection>();
            var online = new List<IWebSocketConnection>();
            new WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
            {
                socket.OnOpen = () => { everyone.Add(socket); online.Add(socket); };
                socket.OnClose = () => online.Remove(socket);
            });
            """);
        var commit = repository.Commit();
        repository.Write("Server/Later.cs", "class Later { }");
        repository.Commit();

        var labels = LabelFile.Parse(
        [
            string.Join('\t', LabelFile.Columns),
            $"someone/fleck-chat\t{commit}\tServer/Program.cs\t2\tWS2001\tbug\thigh\tNever shrunk.",
            $"someone/fleck-chat\t{commit}\tServer/Program.cs\t3\tWS2001\tclean\thigh\tShrunk in OnClose.",
            $"someone/fleck-chat\t{commit}\tServer/Later.cs\t1\tWS2001\tclean\thigh\tNot at this commit.",
            $"someone/nowhere\t{commit}\tX.cs\t1\tWS2001\tbug\thigh\tNo mirror.",
        ], "labels");

        var packs = ReferencePacks.Find(ReferencePacks.RuntimeDotnetRoot)!;
        var evaluator = new Evaluator(new RepositorySource(repository.Mirrors, repository.Work, allowClone: false), new ProjectCompiler(packs), TextWriter.Null);
        var result = await evaluator.RunAsync(labels, CancellationToken.None);

        Assert.Equal([Outcome.Found, Outcome.Clean, Outcome.NotEvaluated, Outcome.NotEvaluated], result.Labels.Select(l => l.Outcome));
        Assert.Equal(2, result.Problems.Count);
        var compilation = Assert.Single(result.Compilations);
        Assert.Equal(0, compilation.Errors);
        Assert.Empty(compilation.AnalyzerFailures);
        Assert.Equal(["Fleck.cs"], compilation.StandIns);
        var ws2001 = result.Rules.Single(r => r.Rule == "WS2001");
        Assert.Equal((1, 0, 1, 0), (ws2001.Found, ws2001.Missed, ws2001.Clean, ws2001.FalselyFlagged));
        Assert.False(File.Exists(Path.Combine(repository.Work, $"someone+fleck-chat@{commit[..12]}", "Server", "Later.cs")));
    }
}
