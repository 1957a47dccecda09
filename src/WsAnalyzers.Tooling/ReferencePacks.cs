using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace WsAnalyzers.Tooling;

/// <summary>The reference assemblies of an installed SDK's .NET and ASP.NET Core targeting packs (dotnet root/packs/),
/// what loose C# files and generated corpora are compiled against.</summary>
public sealed class ReferencePacks
{
    public const string NetCorePack = "Microsoft.NETCore.App.Ref";
    public const string AspNetCorePack = "Microsoft.AspNetCore.App.Ref";

    private ReferencePacks(Version version, IReadOnlyList<string> netCore, IReadOnlyList<string>? aspNetCore)
    {
        Version = version;
        NetCoreAssemblies = netCore;
        AspNetCoreAssemblies = aspNetCore;
    }

    /// <summary>The version of the .NET pack found.</summary>
    public Version Version { get; }

    public IReadOnlyList<string> NetCoreAssemblies { get; }

    /// <summary>Null when the SDK has no ASP.NET Core pack of a version the .NET pack can carry.</summary>
    public IReadOnlyList<string>? AspNetCoreAssemblies { get; }

    public IEnumerable<string> Assemblies => NetCoreAssemblies.Concat(AspNetCoreAssemblies ?? Array.Empty<string>());

    /// <summary>The dotnet root of the runtime this process runs on (shared/Microsoft.NETCore.App/VERSION is three levels down).</summary>
    public static string RuntimeDotnetRoot =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>The packs in two reference folders (a restored <c>Microsoft.NETCore.App.Ref</c> package's <c>ref/netX.0</c>,
    /// and the ASP.NET Core one's), or null when the .NET folder does not exist.</summary>
    public static ReferencePacks? FromFolders(Version version, string netCoreFolder, string? aspNetCoreFolder) =>
        Directory.Exists(netCoreFolder)
            ? new ReferencePacks(version, DllsIn(netCoreFolder), aspNetCoreFolder is not null && Directory.Exists(aspNetCoreFolder) ? DllsIn(aspNetCoreFolder) : null)
            : null;

    /// <summary>The newest packs under <paramref name="dotnetRoot"/> whose major version is at most
    /// <paramref name="maxMajor"/>, or null when there is no .NET pack at all.</summary>
    public static ReferencePacks? Find(string dotnetRoot, int maxMajor = int.MaxValue)
    {
        var packs = Path.Combine(dotnetRoot, "packs");
        if (NewestPackFolder(packs, NetCorePack, maxMajor) is not { } netCore)
        {
            return null;
        }

        var aspNetCore = NewestPackFolder(packs, AspNetCorePack, netCore.Version.Major);
        return new ReferencePacks(netCore.Version, DllsIn(netCore.Folder), aspNetCore is { } found ? DllsIn(found.Folder) : null);
    }

    private static (Version Version, string Folder)? NewestPackFolder(string packs, string pack, int maxMajor)
    {
        var root = Path.Combine(packs, pack);
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(folder => (Parsed: Version.TryParse(Path.GetFileName(folder).Split('-')[0], out var v) ? v : null, Folder: folder))
            .Where(x => x.Parsed is not null && x.Parsed.Major <= maxMajor)
            .Select(x => (Version: x.Parsed!, Folder: RefFolder(x.Folder, x.Parsed!.Major)))
            .Where(x => x.Folder is not null)
            .OrderByDescending(x => x.Version)
            .Select(x => ((Version, string)?)(x.Version, x.Folder!))
            .FirstOrDefault();
    }

    private static string? RefFolder(string packFolder, int major)
    {
        var folder = Path.Combine(packFolder, "ref", $"net{major}.0");
        return Directory.Exists(folder) ? folder : null;
    }

    private static IReadOnlyList<string> DllsIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
}
