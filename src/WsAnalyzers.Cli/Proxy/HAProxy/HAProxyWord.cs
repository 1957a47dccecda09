namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>A word of an HAProxy line: its unquoted, unescaped value and the span of its raw text.</summary>
internal sealed record HAProxyWord(string Value, int Offset, int Length)
{
    public int End => Offset + Length;
}
