using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;

namespace WsAnalyzers.Tooling;

internal static class Instances
{
    /// <summary>One instance of every concrete <typeparamref name="T"/> with a parameterless constructor in
    /// <paramref name="assembly"/> that <paramref name="exported"/> accepts, in type-name order.</summary>
    public static ImmutableArray<T> Of<T>(Assembly assembly, Func<Type, bool> exported) =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null && exported(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
