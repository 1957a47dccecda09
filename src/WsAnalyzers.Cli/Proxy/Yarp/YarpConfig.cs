using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>The clusters (with their routes) of one appsettings file's ReverseProxy section, or of the code-configured routes of a folder.</summary>
internal sealed record YarpConfig(IReadOnlyList<ConfigFile> Files, IReadOnlyList<YarpCluster> Clusters);
