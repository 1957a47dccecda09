using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.Yarp;

internal sealed record YarpRoute(string Id, string? ClusterId, string? Path, IReadOnlyList<string> Hosts);
