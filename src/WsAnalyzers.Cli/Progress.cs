using System;

namespace WsAnalyzers.Cli;

/// <summary>Progress lines on stderr, written only when stderr is a terminal so that CI logs and redirected output stay clean.</summary>
internal static class Progress
{
    private static readonly bool Enabled = !Console.IsErrorRedirected;

    public static void Report(string message)
    {
        if (Enabled)
        {
            Console.Error.WriteLine(message);
        }
    }
}
