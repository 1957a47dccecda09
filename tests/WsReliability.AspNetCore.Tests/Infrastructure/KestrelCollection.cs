namespace WsReliability.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Every test that starts a Kestrel server runs in this collection, one at a time: the timing assertions must not
/// share two cores with another test's traffic.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelCollection
{
    public const string Name = "Kestrel (not parallel)";
}
