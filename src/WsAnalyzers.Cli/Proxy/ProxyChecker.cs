using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using WsAnalyzers.Cli.Proxy.App;
using WsAnalyzers.Cli.Proxy.HAProxy;
using WsAnalyzers.Cli.Proxy.Nginx;
using WsAnalyzers.Cli.Proxy.Yarp;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>Finds the configuration files of the paths, parses them and runs the rules of each proxy.</summary>
internal static class ProxyChecker
{
    public static ProxyCheckResult Check(IReadOnlyList<string> paths, TimeSpan? keepAlive)
    {
        var discovered = ProxyDiscovery.Find(paths);
        var csharp = discovered.Where(d => d.Kind == ProxyKind.CSharp).Select(d => d.Path).ToList();
        var settings = keepAlive is { } interval
            ? new ProxySettings(interval, "--keep-alive")
            : KeepAliveReader.Read(csharp) ?? ProxySettings.Default;

        var issues = new List<ProxyIssue>();
        var files = new List<ConfigFile>();

        var nginx = discovered.Where(d => d.Kind == ProxyKind.Nginx).Select(d => NginxParser.Parse(d.Path)).ToList();
        // A file that another one includes is checked as part of it, not again on its own.
        var included = nginx.SelectMany(c => c.Files.Skip(1)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var config in nginx.Where(c => !included.Contains(c.Entry.Path)))
        {
            issues.AddRange(NginxChecker.Check(config, settings));
            files.AddRange(config.Files);
        }

        foreach (var (path, _) in discovered.Where(d => d.Kind == ProxyKind.HAProxy))
        {
            var config = HAProxyParser.Parse(path);
            issues.AddRange(HAProxyChecker.Check(config, settings));
            files.Add(config.File);
        }

        foreach (var (path, _) in discovered.Where(d => d.Kind == ProxyKind.YarpJson))
        {
            var file = ConfigFile.Read(path);
            var config = YarpJsonReader.Read(file)
                ?? throw new ProxyConfigException($"'{Path.GetFileName(path)}' has no ReverseProxy section: not a YARP configuration");
            issues.AddRange(YarpChecker.Check(config, settings));
            files.Add(file);
        }

        if (YarpCodeReader.Read(csharp) is { } code)
        {
            issues.AddRange(YarpChecker.Check(code, settings));
            files.AddRange(code.Files);
        }

        if (files.Count == 0)
        {
            throw new ProxyConfigException($"no nginx, HAProxy or YARP configuration in {string.Join(", ", paths.Select(p => $"'{p}'"))}");
        }

        var unique = issues
            .GroupBy(i => (i.RuleId, i.File.Path, i.Offset))
            .Select(g => g.First())
            .OrderBy(i => i.File.Path, StringComparer.Ordinal).ThenBy(i => i.Offset).ThenBy(i => i.RuleId, StringComparer.Ordinal)
            .ToList();
        return new ProxyCheckResult(unique, files.DistinctBy(f => f.Path).ToList(), settings);
    }
}
