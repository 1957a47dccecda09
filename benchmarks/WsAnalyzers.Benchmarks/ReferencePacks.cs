using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Benchmarks;

/// <summary>The .NET and ASP.NET Core reference assemblies of the installed SDK (its packs/ folder).</summary>
internal static class ReferencePacks
{
    public static IReadOnlyList<MetadataReference> Load()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var references = new List<MetadataReference>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var versions = new DirectoryInfo(Path.Combine(dotnetRoot, "packs", pack));
            var newest = versions.Exists
                ? versions.GetDirectories().OrderByDescending(d => Version.TryParse(d.Name.Split('-')[0], out var v) ? v : new Version()).FirstOrDefault()
                : null;
            var refFolder = newest?.GetDirectories("ref").FirstOrDefault()?.GetDirectories().OrderByDescending(d => d.Name).FirstOrDefault();
            if (refFolder is null)
            {
                throw new InvalidOperationException($"No {pack} reference pack under {dotnetRoot}/packs: install the .NET SDK with ASP.NET Core.");
            }

            references.AddRange(refFolder.GetFiles("*.dll").Select(f => MetadataReference.CreateFromFile(f.FullName)));
        }

        return references;
    }
}
