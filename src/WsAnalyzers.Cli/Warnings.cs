using System;

namespace WsAnalyzers.Cli;

/// <summary>Problems that do not stop the run but make its result less complete; always on stderr.</summary>
internal static class Warnings
{
    public static void Report(string message) => Console.Error.WriteLine("wsanalyzers: warning: " + message);
}
