namespace WsAnalyzers.Cli.Proxy.Nginx;

internal enum NginxTokenKind
{
    Word,
    Quoted,
    Semicolon,
    OpenBrace,
    CloseBrace,
}

/// <summary>A token of an nginx file: its unescaped value and the span of its raw text.</summary>
internal sealed record NginxToken(NginxTokenKind Kind, string Value, int Offset, int Length)
{
    public bool IsValue => Kind is NginxTokenKind.Word or NginxTokenKind.Quoted;

    public int End => Offset + Length;
}
