using System;
using System.Collections.Generic;
using System.Linq;
using NetArchTest.Rules;

namespace WsAnalyzers.Tests.Architecture;

/// <summary>
/// What each folder may use, checked on compiled assemblies with NetArchTest (every reference a type's IL makes:
/// fields, signatures, base types, attributes, method bodies). Each rule returns its violations as
/// "type -> forbidden namespace"; an empty list means the rule holds.
/// </summary>
internal static class DependencyRules
{
    /// <summary>Shared folders (core, API recognition, operation helpers, prefilters, handlers) use no family: what two
    /// families need lives outside both.</summary>
    public static IReadOnlyList<string> SharedFoldersUseNoFamily(Func<Types> analyzers, FolderLayout layout) =>
        layout.Shared.SelectMany(shared => Violations(analyzers, shared, layout.Families)).ToList();

    /// <summary>A family uses no other family: moving a helper to a shared folder is how two families share it.</summary>
    public static IReadOnlyList<string> FamiliesUseNoOtherFamily(Func<Types> analyzers, FolderLayout layout) =>
        layout.Families.SelectMany(family => Violations(analyzers, family, layout.Families.Remove(family))).ToList();

    /// <summary>A family's fixers use no other family's analyzer or fixer folder, and the fixers' shared folders use
    /// no family at all.</summary>
    public static IReadOnlyList<string> FixersUseOnlyTheirFamily(Func<Types> fixers, FolderLayout layout)
    {
        var fixerFamilies = layout.Families.Select(FolderLayout.FixerFolderOf).ToList();
        var violations = new List<string>();
        foreach (var family in layout.Families)
        {
            var others = layout.Families.Remove(family);
            violations.AddRange(Violations(fixers, FolderLayout.FixerFolderOf(family), others.Concat(others.Select(FolderLayout.FixerFolderOf))));
        }

        foreach (var shared in layout.FixerShared)
        {
            violations.AddRange(Violations(fixers, shared, layout.Families.Concat(fixerFamilies)));
        }

        return violations;
    }

    private static IEnumerable<string> Violations(Func<Types> types, string folder, IEnumerable<string> forbidden)
    {
        var forbiddenList = forbidden.ToArray();
        if (forbiddenList.Length == 0)
        {
            return [];
        }

        var result = types().That().ResideInNamespace(folder + ".").ShouldNot().HaveDependencyOnAny(forbiddenList).GetResult();
        return result.IsSuccessful
            ? []
            : (result.FailingTypeNames ?? []).Select(name => $"{name} -> {string.Join(" | ", forbiddenList)}");
    }
}
