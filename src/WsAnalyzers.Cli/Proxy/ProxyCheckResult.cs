using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>The issues found, the configuration files read (includes too), and the settings the checks used.</summary>
internal sealed record ProxyCheckResult(IReadOnlyList<ProxyIssue> Issues, IReadOnlyList<ConfigFile> Files, ProxySettings Settings);
