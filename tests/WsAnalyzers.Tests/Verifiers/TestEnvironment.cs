using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Websocket.Client;

namespace WsAnalyzers.Tests.Verifiers;

/// <summary>What every analyzer test compiles against: .NET 8 and ASP.NET Core 8 reference assemblies, the SignalR,
/// ASP.NET SignalR 2 client, Websocket.Client and Polly packages, and source stand-ins for websocket-sharp, Fleck, classic
/// ASP.NET (System.Web), the ASP.NET SignalR 2 server and EmbedIO. A test of a rule on an API .NET 9 added (WS6001's
/// keep-alive timeouts) chooses <see cref="Net9"/> instead of the default <see cref="Net8"/>.</summary>
/// <remarks>
/// The reference packs and Polly come from the test project's own restore (PackageDownload), never from
/// Microsoft.CodeAnalysis.Testing's package resolution: on a case-sensitive file system that resolution misses every
/// package it has to download (nuget.org answers with lower-case IDs, and the folder it looks for is spelled as the
/// nuspec spells the ID), so the first run on a new machine compiled without ASP.NET Core.
/// </remarks>
internal static class TestEnvironment
{
    /// <summary>None: every reference is in <see cref="References"/>, so the testing library resolves and downloads nothing.</summary>
    public static readonly ReferenceAssemblies ReferenceAssemblies = new("net8.0");

    /// <summary>Package assemblies that are not part of the ASP.NET Core shared framework.</summary>
    public static readonly ImmutableArray<MetadataReference> LibraryReferences = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(HubConnection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(HubConnectionBuilderHttpExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Http.Connections.Client.HttpConnection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(WebsocketClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(System.Reactive.Linq.Observable).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.AspNet.SignalR.Client.Connection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonSerializer).Assembly.Location))
        .AddRange(Restored("Polly.Core", "8.9.1", "lib", "net8.0"));

    /// <summary>The .NET 8 and ASP.NET Core 8 reference assemblies, then <see cref="LibraryReferences"/>: the default.</summary>
    public static readonly TestFramework Net8 = Framework(8, "8.0.0");

    /// <summary>The .NET 9 and ASP.NET Core 9 reference assemblies, then <see cref="LibraryReferences"/>.</summary>
    public static readonly TestFramework Net9 = Framework(9, "9.0.16");

    /// <summary>The references of <see cref="Net8"/>, the default.</summary>
    public static readonly ImmutableArray<MetadataReference> References = Net8.References;

    public static readonly ImmutableArray<(string Name, string Source)> StandIns = LoadStandIns();

    /// <summary>Adds the stand-ins and the references of <paramref name="framework"/> (<see cref="Net8"/> when not given).</summary>
    public static void Configure(SolutionState state, TestFramework? framework = null)
    {
        foreach (var (name, source) in StandIns)
        {
            state.Sources.Add((name, source));
        }

        state.AdditionalReferences.AddRange((framework ?? Net8).References);
    }

    private static TestFramework Framework(int major, string version)
    {
        var moniker = $"net{major}.0";
        var references = Restored("Microsoft.NETCore.App.Ref", version, "ref", moniker)
            .Concat(Restored("Microsoft.AspNetCore.App.Ref", version, "ref", moniker))
            .Concat(LibraryReferences)
            .ToImmutableArray();
        var symbols = new[] { "NET", "NETCOREAPP", $"NET{major}_0" }
            .Concat(Enumerable.Range(5, major - 4).Select(v => $"NET{v}_0_OR_GREATER"))
            .ToImmutableArray();
        return new TestFramework(moniker, references, symbols);
    }

    /// <summary>The assemblies of a package the test project downloads on restore (a PackageDownload item).</summary>
    private static ImmutableArray<MetadataReference> Restored(string id, string version, string kind, string framework)
    {
        var packageRoot = typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        var folder = Path.Combine(packageRoot, id.ToLowerInvariant(), version, kind, framework);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{id} {version} is not in {packageRoot}: restore tests/WsAnalyzers.Tests (it downloads the package).");
        }

        return Directory.EnumerateFiles(folder, "*.dll")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static ImmutableArray<(string, string)> LoadStandIns()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var builder = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith("StandIns.", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                builder.Add(("/0/StandIns/" + name.Substring("StandIns.".Length), reader.ReadToEnd()));
            }
        }

        return builder.ToImmutable();
    }
}
