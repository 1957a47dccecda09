using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>One keyword line of an HAProxy section: `timeout tunnel 1h`, `server s1 10.0.0.1:80 check`.</summary>
internal sealed class HAProxyLine(ConfigFile file, int line, IReadOnlyList<HAProxyWord> words)
{
    public ConfigFile File { get; } = file;

    public int Line { get; } = line;

    public IReadOnlyList<HAProxyWord> Words { get; } = words;

    public string Keyword => Words[0].Value;

    public string Word(int index) => index < Words.Count ? Words[index].Value : string.Empty;

    /// <summary>The line as written, for messages.</summary>
    public string Text => File.Text[Words[0].Offset..Words[^1].End];

    /// <summary>Whether the line starts with these words: Is("timeout", "tunnel"), Is("option", "httpclose").</summary>
    public bool Is(params string[] keywords) =>
        Words.Count >= keywords.Length && keywords.Select((k, i) => string.Equals(Words[i].Value, k, StringComparison.OrdinalIgnoreCase)).All(x => x);
}
