using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WsAnalyzers.RealWorld;
using WsAnalyzers.RealWorld.Analysis;
using WsAnalyzers.RealWorld.Building;
using WsAnalyzers.RealWorld.Labels;
using WsAnalyzers.RealWorld.Reporting;
using WsAnalyzers.RealWorld.Repositories;
using WsAnalyzers.Tooling;

// Exit codes: 0 every label was evaluated (the figures are the result, whatever they are); 1 some labels could not be
// evaluated (no mirror, no such file or commit, a project that cannot be compiled): the figures are incomplete; 2 bad
// input or a run that could not start.
return await MainAsync(args);

static async Task<int> MainAsync(string[] args)
{
    CommandLine options;
    try
    {
        options = CommandLine.Parse(args);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        Console.Error.WriteLine(CommandLine.Usage);
        return 2;
    }

    try
    {
        var labels = LabelFile.Load(options.Labels);
        if (options.Repo is { } only)
        {
            labels = labels.Where(l => l.Repo.Equals(only, StringComparison.OrdinalIgnoreCase)).ToList();
            if (labels.Count == 0)
            {
                Console.Error.WriteLine($"error: no labels for repository {only}");
                return 2;
            }
        }

        var packs = ReferencePacks.Find(ReferencePacks.RuntimeDotnetRoot);
        if (packs?.AspNetCoreAssemblies is null)
        {
            Console.Error.WriteLine($"error: no .NET and ASP.NET Core reference packs under {ReferencePacks.RuntimeDotnetRoot}/packs: install the .NET SDK with ASP.NET Core");
            return 2;
        }

        var frameworks = FrameworkPacks.WithRestoredOlderPacks(packs);
        Console.WriteLine($"WsAnalyzers {AnalyzerCatalog.Version}: {labels.Count} labels in {labels.Select(l => l.Repo).Distinct().Count()} repositories, reference packs {frameworks.Describe()}");
        var evaluator = new Evaluator(new RepositorySource(options.Mirrors, options.WorkFolder, options.AllowClone), new ProjectCompiler(frameworks), Console.Out);
        var result = await evaluator.RunAsync(labels, CancellationToken.None);
        ConsoleReport.Write(result, Console.Out, options.EveryLabel);
        if (options.Json is { } json)
        {
            JsonReport.Write(result, json);
            Console.WriteLine($"wrote {json}");
        }

        var notEvaluated = result.Labels.Count(l => l.Outcome == Outcome.NotEvaluated);
        if (notEvaluated > 0)
        {
            Console.Error.WriteLine($"warning: {notEvaluated} label(s) could not be evaluated; the figures above leave them out");
            return 1;
        }

        return 0;
    }
    catch (LabelFileException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
}
