using System.Collections.Generic;
using System.Linq;
using WsAnalyzers.RealWorld.Projects;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>The global usings the SDK generates when ImplicitUsings is on (Microsoft.NET.Sdk, .Web and .Worker), with the
/// project's own &lt;Using Include/Remove&gt; items applied.</summary>
public static class ImplicitUsings
{
    private static readonly string[] Base =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] Web =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly string[] Worker =
        ["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];

    /// <summary>The text of the generated GlobalUsings.g.cs, or null when the project generates none.</summary>
    public static string? For(ProjectFile project)
    {
        var lines = new List<string>();
        if (project.IsSdkStyle && project.IsTrue("ImplicitUsings"))
        {
            var namespaces = Base.AsEnumerable();
            if (project.IsWebSdk)
            {
                namespaces = namespaces.Concat(Web);
            }
            else if (project.IsWorkerSdk)
            {
                namespaces = namespaces.Concat(Worker);
            }

            var removed = project.ItemsOf("Using").Where(u => u.Remove is not null).Select(u => u.Remove!).ToHashSet();
            lines.AddRange(namespaces.Where(n => !removed.Contains(n)).Select(n => $"global using global::{n};"));
        }

        foreach (var item in project.ItemsOf("Using").Where(u => u.Include is not null))
        {
            lines.Add(item switch
            {
                { Alias: { Length: > 0 } alias } => $"global using {alias} = global::{item.Include};",
                { Static: true } => $"global using static global::{item.Include};",
                _ => $"global using global::{item.Include};",
            });
        }

        return lines.Count == 0 ? null : string.Join('\n', lines.Distinct()) + "\n";
    }
}
