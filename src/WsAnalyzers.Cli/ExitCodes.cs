namespace WsAnalyzers.Cli;

internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Error = 2;
}
