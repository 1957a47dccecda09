using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace WsAnalyzers.RealWorld.Projects;

/// <summary>What we read from a .csproj: the SDK (or none for an old-style .NET Framework project), the properties that
/// change how it compiles, and its items. Conditions are not evaluated: the first value of a property wins, every item is taken.</summary>
public sealed class ProjectFile
{
    private ProjectFile(string path, string? sdk, IReadOnlyDictionary<string, string> properties, IReadOnlyList<ProjectItem> items)
    {
        FilePath = path;
        Sdk = sdk;
        Properties = properties;
        Items = items;
    }

    public string FilePath { get; }

    public string Folder => Path.GetDirectoryName(FilePath)!;

    public string Name => Path.GetFileNameWithoutExtension(FilePath);

    /// <summary>Microsoft.NET.Sdk, Microsoft.NET.Sdk.Web, ...; null for an old-style project.</summary>
    public string? Sdk { get; }

    public bool IsSdkStyle => Sdk is not null;

    public bool IsWebSdk => Sdk is { } s && (s.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase));

    public bool IsWorkerSdk => Sdk is { } s && s.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Properties { get; }

    public IReadOnlyList<ProjectItem> Items { get; }

    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;

    public bool IsTrue(string name) => Property(name) is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("enable", StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ProjectItem> ItemsOf(string kind) => Items.Where(i => i.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first target framework (TargetFramework, else the first of TargetFrameworks, else the old-style
    /// TargetFrameworkVersion as net4x).</summary>
    public string TargetFramework
    {
        get
        {
            if (Property("TargetFramework") is { Length: > 0 } single)
            {
                return single.Trim();
            }

            if (Property("TargetFrameworks") is { Length: > 0 } several)
            {
                return several.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "net10.0";
            }

            if (Property("TargetFrameworkVersion") is { Length: > 0 } version)
            {
                return "net" + version.TrimStart('v', 'V').Replace(".", string.Empty, StringComparison.Ordinal);
            }

            return IsSdkStyle ? "net10.0" : "net48";
        }
    }

    public static ProjectFile Load(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (XmlException e)
        {
            throw new ProjectFileException($"{path}: not a readable project file: {e.Message}");
        }

        var root = document.Root ?? throw new ProjectFileException($"{path}: empty project file");
        var sdk = (string?)root.Attribute("Sdk");
        sdk ??= root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")).FirstOrDefault(s => s is not null);
        sdk ??= root.Elements().Where(e => e.Name.LocalName == "Import").Select(e => (string?)e.Attribute("Sdk")).FirstOrDefault(s => s is not null);
        sdk = sdk?.Split('/')[0].Trim();

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup").SelectMany(g => g.Elements()))
        {
            properties.TryAdd(property.Name.LocalName, property.Value.Trim());
        }

        var items = root.Elements().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements()).Select(ToItem).ToList();
        return new ProjectFile(path, sdk, properties, items);
    }

    private static ProjectItem ToItem(XElement e)
    {
        string? Read(string name) => (string?)e.Attribute(name) ?? e.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value.Trim();
        return new ProjectItem(
            e.Name.LocalName,
            (string?)e.Attribute("Include"),
            (string?)e.Attribute("Remove"),
            (string?)e.Attribute("Update"),
            Read("HintPath"),
            Read("Alias"),
            Read("Static") is { } s && s.Equals("true", StringComparison.OrdinalIgnoreCase));
    }
}
