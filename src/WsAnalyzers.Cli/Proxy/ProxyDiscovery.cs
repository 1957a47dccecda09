using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>
/// Which files of the command-line paths are nginx, HAProxy or YARP configuration. A file is taken for what its name or
/// first keyword says (.json: YARP; .cs: code; .cfg, haproxy* or a first keyword such as `frontend`: HAProxy; anything
/// else: nginx). A folder is searched for nginx.conf (else *.conf and sites-enabled/*), haproxy*.cfg (and other .cfg
/// files that read as HAProxy), appsettings*.json with a ReverseProxy section, and C# files.
/// </summary>
internal static class ProxyDiscovery
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", ".vs"];
    private static readonly string[] HAProxyFirstKeywords = ["global", "defaults", "frontend", "backend", "listen", "resolvers", "peers", "userlist"];

    public static List<(string Path, ProxyKind Kind)> Find(IReadOnlyList<string> paths)
    {
        var found = new List<(string, ProxyKind)>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                found.Add((Path.GetFullPath(path), KindOfFile(path)));
            }
            else if (Directory.Exists(path))
            {
                var inFolder = InFolder(Path.GetFullPath(path));
                if (inFolder.Count == 0)
                {
                    throw new ProxyConfigException($"no nginx, HAProxy or YARP configuration in '{path}' (looked for nginx.conf, *.conf, haproxy*.cfg, appsettings*.json with a ReverseProxy section, and C# files)");
                }

                found.AddRange(inFolder);
            }
            else
            {
                throw new ProxyConfigException($"'{path}' does not exist");
            }
        }

        return found.Distinct().ToList();
    }

    private static ProxyKind KindOfFile(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            return ProxyKind.YarpJson;
        }

        if (name.EndsWith(".cs", StringComparison.Ordinal))
        {
            return ProxyKind.CSharp;
        }

        return name.EndsWith(".cfg", StringComparison.Ordinal) || name.Contains("haproxy", StringComparison.Ordinal) || ReadsAsHAProxy(path) ? ProxyKind.HAProxy : ProxyKind.Nginx;
    }

    /// <summary>HAProxy files start with a section keyword; no nginx directive has those names.</summary>
    private static bool ReadsAsHAProxy(string path)
    {
        foreach (var line in File.ReadLines(path).Take(200))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var first = trimmed.Split([' ', '\t'], 2)[0];
            return HAProxyFirstKeywords.Contains(first, StringComparer.Ordinal) && !trimmed.Contains('{', StringComparison.Ordinal);
        }

        return false;
    }

    private static List<(string, ProxyKind)> InFolder(string folder)
    {
        var files = Files(folder).ToList();
        var found = new List<(string, ProxyKind)>();

        var nginxEntries = files.Where(f => Path.GetFileName(f) == "nginx.conf").ToList();
        if (nginxEntries.Count == 0)
        {
            nginxEntries = files.Where(f =>
                (f.EndsWith(".conf", StringComparison.Ordinal) || Path.GetFileName(Path.GetDirectoryName(f)) is "sites-enabled" or "conf.d") &&
                !ReadsAsHAProxy(f) && !f.EndsWith(".json", StringComparison.Ordinal)).ToList();
        }

        found.AddRange(nginxEntries.Select(f => (f, ProxyKind.Nginx)));
        found.AddRange(files.Where(f => f.EndsWith(".cfg", StringComparison.Ordinal) && (Path.GetFileName(f).Contains("haproxy", StringComparison.OrdinalIgnoreCase) || ReadsAsHAProxy(f)))
            .Select(f => (f, ProxyKind.HAProxy)));
        found.AddRange(files.Where(f => Path.GetFileName(f).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
                                        File.ReadAllText(f).Contains("\"ReverseProxy\"", StringComparison.OrdinalIgnoreCase))
            .Select(f => (f, ProxyKind.YarpJson)));
        found.AddRange(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f, ProxyKind.CSharp)));
        return found;
    }

    private static IEnumerable<string> Files(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(directory), StringComparer.OrdinalIgnoreCase))
            {
                foreach (var file in Files(directory))
                {
                    yield return file;
                }
            }
        }
    }
}
