using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WsAnalyzers.Cli.Loading;

/// <summary>The reference assemblies of the installed SDK's .NET and ASP.NET Core targeting packs (dotnet root/packs/).</summary>
internal static class ReferencePacks
{
    private const string NetCorePack = "Microsoft.NETCore.App.Ref";
    private const string AspNetCorePack = "Microsoft.AspNetCore.App.Ref";

    public static IReadOnlyList<string> Find(string dotnetRoot, int sdkMajor)
    {
        var packs = Path.Combine(dotnetRoot, "packs");
        var netCore = NewestPackFolder(packs, NetCorePack, sdkMajor)
            ?? throw new CliException($"no .NET reference pack ({NetCorePack}) under '{packs}': loose C# files are compiled against it; install the .NET SDK");
        var assemblies = Assemblies(netCore.Folder).ToList();
        if (NewestPackFolder(packs, AspNetCorePack, netCore.Version.Major) is { } aspNetCore)
        {
            assemblies.AddRange(Assemblies(aspNetCore.Folder));
        }
        else
        {
            Warnings.Report($"no ASP.NET Core reference pack ({AspNetCorePack}) under '{packs}': ASP.NET Core APIs will not resolve");
        }

        return assemblies;
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

    private static IEnumerable<string> Assemblies(string folder) =>
        Directory.EnumerateFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal);
}
