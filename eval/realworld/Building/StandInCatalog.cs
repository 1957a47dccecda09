using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>The stand-ins embedded in this tool: tests/StandIns (websocket-sharp, Fleck, System.Web, ASP.NET SignalR 2 server,
/// EmbedIO; the one copy the tests, the samples and this tool share) and eval/realworld/StandIns. A file of
/// eval/realworld/StandIns with the same name as one of tests/StandIns replaces it: the evaluation needs more of
/// websocket-sharp's and Fleck's surface than the tests do, and fewer compile errors mean fewer hidden findings.</summary>
public static class StandInCatalog
{
    private static readonly (string File, string[] Packages, string[] References, string Namespace)[] Map =
    [
        ("WebSocketSharp.cs", ["websocket-sharp", "WebSocketSharp", "websocketsharp"], ["websocket-sharp", "WebSocketSharp", "websocket-sharp-core"], "WebSocketSharp"),
        ("Fleck.cs", ["Fleck"], ["Fleck"], "Fleck"),
        ("SystemWeb.cs", ["Microsoft.AspNet.WebSockets"], ["System.Web", "System.Web.WebSockets"], "System.Web"),
        ("AspNetSignalR.cs", ["Microsoft.AspNet.SignalR.Core", "Microsoft.AspNet.SignalR.SystemWeb", "Microsoft.AspNet.SignalR.SelfHost"], ["Microsoft.AspNet.SignalR.Core", "Microsoft.AspNet.SignalR.SystemWeb"], "Microsoft.AspNet.SignalR"),
        ("EmbedIO.cs", ["EmbedIO"], ["EmbedIO"], "EmbedIO"),
    ];

    public static IReadOnlyList<StandIn> All { get; } = Load();

    /// <summary>The package ID Microsoft.AspNet.SignalR (the meta-package) pulls in the server stand-in as well. Its OWIN
    /// MapSignalR extension is in that stand-in too; the rest of OWIN is not stood in for.</summary>
    public static IEnumerable<StandIn> ForPackage(string id) =>
        All.Where(s => s.StandsForPackage(id) || (id.Equals("Microsoft.AspNet.SignalR", StringComparison.OrdinalIgnoreCase) && s.Name == "AspNetSignalR.cs"));

    public static IEnumerable<StandIn> ForReference(string name) => All.Where(s => s.StandsForReference(name));

    private static IReadOnlyList<StandIn> Load()
    {
        var assembly = typeof(StandInCatalog).Assembly;
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prefix in new[] { "StandIns.Tests.", "StandIns.Eval." })
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                sources[resource[prefix.Length..]] = Read(assembly, resource);
            }
        }

        return Map.Where(m => sources.ContainsKey(m.File))
            .Select(m => new StandIn(m.File, sources[m.File], m.Packages, m.References, m.Namespace))
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"missing resource {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
