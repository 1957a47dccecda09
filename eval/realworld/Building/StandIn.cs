using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>Source that declares an unserved package's public surface (real namespaces, type names and member signatures,
/// no behaviour): which package IDs or assembly references it stands for, and the namespace whose use reveals it in a
/// folder without a project file.</summary>
public sealed record StandIn(string Name, string Source, IReadOnlyList<string> PackagePrefixes, IReadOnlyList<string> References, string Namespace)
{
    public bool StandsForPackage(string id) => PackagePrefixes.Any(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public bool StandsForReference(string name) => References.Any(r => name.Equals(r, StringComparison.OrdinalIgnoreCase));
}
