using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>Packages the registry serves and this tool references itself: a project's PackageReference to one of them is
/// compiled against the assemblies copied next to this tool. Other packages of the same family map to the same assemblies.</summary>
public static class ServedPackages
{
    /// <summary>The .NET the served assemblies are built for (this tool's own restore, net8.0 builds): a compilation that
    /// references them needs reference packs of this version or newer.</summary>
    public const int FrameworkMajor = 8;

    private static readonly (string Prefix, string[] Assemblies)[] Map =
    [
        ("Websocket.Client", ["Websocket.Client", "System.Reactive"]),
        ("System.Reactive", ["System.Reactive"]),
        ("Microsoft.AspNetCore.SignalR.Client", [
            "Microsoft.AspNetCore.SignalR.Client", "Microsoft.AspNetCore.SignalR.Client.Core", "Microsoft.AspNetCore.Http.Connections.Client",
            "Microsoft.AspNetCore.Http.Connections.Common", "Microsoft.AspNetCore.SignalR.Common", "Microsoft.AspNetCore.SignalR.Protocols.Json",
            "Microsoft.AspNetCore.Connections.Abstractions", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions",
            "Microsoft.Extensions.Options", "Microsoft.Extensions.Features"]),
        ("Microsoft.AspNet.SignalR.Client", ["Microsoft.AspNet.SignalR.Client", "Newtonsoft.Json"]),
        ("Newtonsoft.Json", ["Newtonsoft.Json"]),
        ("Microsoft.IO.RecyclableMemoryStream", ["Microsoft.IO.RecyclableMemoryStream"]),
    ];

    /// <summary>The assembly files for <paramref name="packageId"/>, or null when the package is not one we have.</summary>
    public static IReadOnlyList<string>? AssembliesFor(string packageId)
    {
        var entry = Map.FirstOrDefault(m => packageId.Equals(m.Prefix, StringComparison.OrdinalIgnoreCase)
            || packageId.StartsWith(m.Prefix + ".", StringComparison.OrdinalIgnoreCase));
        if (entry.Assemblies is null)
        {
            return null;
        }

        return entry.Assemblies.Select(a => Path.Combine(AppContext.BaseDirectory, a + ".dll")).Where(File.Exists).ToList();
    }

    /// <summary>An old-style &lt;Reference Include="Newtonsoft.Json, Version=..."&gt; names the assembly, not the package.</summary>
    public static IReadOnlyList<string>? AssembliesForReference(string referenceName)
    {
        var simpleName = referenceName.Split(',')[0].Trim();
        var file = Path.Combine(AppContext.BaseDirectory, simpleName + ".dll");
        return Map.Any(m => m.Assemblies.Contains(simpleName, StringComparer.OrdinalIgnoreCase)) && File.Exists(file) ? [file] : null;
    }
}
