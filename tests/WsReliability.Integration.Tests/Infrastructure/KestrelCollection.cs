namespace WsReliability.Integration.Tests.Infrastructure;

/// <summary>Every test starts a Kestrel server and real clients: one at a time, so a loaded 2-core machine keeps its timing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelCollection
{
    public const string Name = "Client against hub (not parallel)";
}
