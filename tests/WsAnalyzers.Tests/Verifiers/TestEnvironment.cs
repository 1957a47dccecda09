using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Websocket.Client;

namespace WsAnalyzers.Tests.Verifiers;

/// <summary>What every analyzer test compiles against: .NET 8 and ASP.NET Core 8 reference assemblies, the SignalR
/// and Websocket.Client packages, and source stand-ins for websocket-sharp and Fleck.</summary>
internal static class TestEnvironment
{
    public static readonly ReferenceAssemblies ReferenceAssemblies = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            new PackageIdentity("Polly.Core", "8.9.1")));

    /// <summary>Package assemblies that are not part of the ASP.NET Core shared framework.</summary>
    public static readonly ImmutableArray<MetadataReference> LibraryReferences = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(HubConnection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(HubConnectionBuilderHttpExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Http.Connections.Client.HttpConnection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(WebsocketClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(System.Reactive.Linq.Observable).Assembly.Location));

    public static readonly ImmutableArray<(string Name, string Source)> StandIns = LoadStandIns();

    private static ImmutableArray<(string, string)> LoadStandIns()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var builder = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith("StandIns.", System.StringComparison.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                builder.Add(("/0/StandIns/" + name.Substring("StandIns.".Length), reader.ReadToEnd()));
            }
        }

        return builder.ToImmutable();
    }

    public static void Configure(SolutionState state)
    {
        foreach (var (name, source) in StandIns)
        {
            state.Sources.Add((name, source));
        }

        state.AdditionalReferences.AddRange(LibraryReferences);
    }
}
