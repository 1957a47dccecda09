using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using WsAnalyzers.Benchmarks;

const string usage = """
    usage:
      telemetry ordinary [files]     generated ordinary codebase (default 2000 files), budget 1 %
      telemetry dense [files]        generated WebSocket-dense codebase (default 200 files), budget 3 %
      telemetry sparse [files]       generated application with WebSockets in one corner (default 2000 files), budget 1 %
      telemetry <folder> [budget%]   every .cs file under a folder (default budget 5 %)
      edit sparse|dense|<folder>     the cost of one edit in an IDE (the edited file analyzed in a new compilation)
      bench [BenchmarkDotNet args]   BenchmarkDotNet run: empty analyzer, each rule, all rules, both corpora
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}

try
{
    switch (args[0])
    {
        case "telemetry" when args.Length >= 2 && args[1] == "ordinary":
            return await TelemetryReport.RunAsync("ordinary (generated)", Corpus.Ordinary(Count(args, 2000)), 1);
        case "telemetry" when args.Length >= 2 && args[1] == "dense":
            return await TelemetryReport.RunAsync("WebSocket-dense (generated)", Corpus.WebSocketDense(Count(args, 200)), 3);
        case "telemetry" when args.Length >= 2 && args[1] == "sparse":
            return await TelemetryReport.RunAsync("application with WebSockets in one corner (generated)", ApplicationCorpus.Sparse(Count(args, 2000)), 1);
        case "telemetry" when args.Length >= 2:
            if (!Directory.Exists(args[1]))
            {
                Console.Error.WriteLine($"error: folder not found: {args[1]}");
                return 2;
            }

            return await TelemetryReport.RunAsync(args[1], CSharpFiles(args[1]), args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
        case "edit" when args.Length >= 2 && args[1] == "sparse":
            return await EditReport.RunAsync("application with WebSockets in one corner (generated)", ApplicationCorpus.Sparse(Count(args, 2000)));
        case "edit" when args.Length >= 2 && args[1] == "dense":
            return await EditReport.RunAsync("WebSocket-dense (generated)", Corpus.WebSocketDense(Count(args, 200)));
        case "edit" when args.Length >= 2:
            if (!Directory.Exists(args[1]))
            {
                Console.Error.WriteLine($"error: folder not found: {args[1]}");
                return 2;
            }

            return await EditReport.RunAsync(args[1], CSharpFiles(args[1]));
        case "bench":
            var config = DefaultConfig.Instance.AddJob(Job.ShortRun);
            BenchmarkRunner.Run<AnalyzerBenchmarks>(config, args[1..]);
            return 0;
        default:
            Console.Error.WriteLine(usage);
            return 2;
    }
}
catch (Exception exception) when (exception is InvalidOperationException or IOException or FormatException)
{
    Console.Error.WriteLine("error: " + exception.Message);
    return 2;
}

static IReadOnlyList<(string Path, string Text)> CSharpFiles(string folder) =>
    TelemetryReport.ReadFolder(folder) is { Count: > 0 } files ? files : throw new InvalidOperationException($"no .cs files under {folder}");

static int Count(string[] args, int fallback) =>
    args.Length > 2 && int.TryParse(args[2], out var n) && n > 0 ? n : fallback;
