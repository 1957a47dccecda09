namespace WsAnalyzers.RealWorld.Labels;

/// <summary>One audited line of a public repository: where the rule contract says a diagnostic goes (or must not go).</summary>
/// <param name="Repo">owner/name on GitHub.</param>
/// <param name="Commit">The pinned commit, 40 hex digits.</param>
/// <param name="Path">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="SourceLine">The line of the labels file this label was read from, for messages.</param>
public sealed record Label(
    string Repo,
    string Commit,
    string Path,
    int Line,
    string Rule,
    Expectation Expected,
    string Confidence,
    string Why,
    int SourceLine)
{
    public string Key => $"{Repo}:{Path}:{Line}:{Rule}";
}
