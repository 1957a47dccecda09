using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>
/// Which reference packs a project compiles against: the installed SDK's for its own and newer frameworks, and for an
/// older .NET the pack of the newest restored version not newer than it (this tool downloads .NET 6, 8 and 9 with its
/// restore). .NET Core 3.x and 5, .NET Standard and .NET Framework take the oldest restored pack, the closest surface
/// there is. So a rule on an API .NET 9 added is not run against a .NET 8 project as if it had the API.
/// </summary>
public sealed class FrameworkPacks
{
    private static readonly (int Major, string Version)[] Restored = { (6, "6.0.36"), (8, "8.0.0"), (9, "9.0.16") };

    private readonly SortedDictionary<int, ReferencePacks> _older;

    public FrameworkPacks(ReferencePacks installed, IEnumerable<(int Major, ReferencePacks Packs)>? older = null)
    {
        Installed = installed;
        _older = new SortedDictionary<int, ReferencePacks>((older ?? []).Where(o => o.Major < installed.Version.Major).ToDictionary(o => o.Major, o => o.Packs));
    }

    public ReferencePacks Installed { get; }

    /// <summary>The installed packs, with the older ones restored next to this tool's package root.</summary>
    public static FrameworkPacks WithRestoredOlderPacks(ReferencePacks installed)
    {
        var root = typeof(FrameworkPacks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        var older = new List<(int, ReferencePacks)>();
        foreach (var (major, version) in root is null ? [] : Restored)
        {
            var moniker = $"net{major}.0";
            if (ReferencePacks.FromFolders(
                    Version.Parse(version),
                    Path.Combine(root!, ReferencePacks.NetCorePack.ToLowerInvariant(), version, "ref", moniker),
                    Path.Combine(root!, ReferencePacks.AspNetCorePack.ToLowerInvariant(), version, "ref", moniker)) is { AspNetCoreAssemblies: not null } packs)
            {
                older.Add((major, packs));
            }
        }

        return new FrameworkPacks(installed, older);
    }

    /// <param name="minimumMajor">The oldest .NET the project's other references can be bound with.</param>
    public ReferencePacks For(TargetFramework framework, int minimumMajor = 0)
    {
        var major = framework.Family == "core" ? framework.Major : 0;
        var candidates = _older.Where(o => o.Key >= minimumMajor).ToList();
        if (candidates.Count == 0 || major >= Installed.Version.Major)
        {
            return Installed;
        }

        var fitting = candidates.Where(o => o.Key <= major).Select(o => o.Value).LastOrDefault();
        return fitting ?? candidates[0].Value;
    }

    /// <summary>The versions in use, for the report's first line.</summary>
    public string Describe() =>
        string.Join(", ", _older.Values.Select(p => p.Version.ToString()).Append(Installed.Version + " (installed)"));
}
