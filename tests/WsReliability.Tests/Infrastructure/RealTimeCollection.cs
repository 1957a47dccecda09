namespace WsReliability.Tests.Infrastructure;

/// <summary>Tests against real sockets and real time: one at a time, so a loaded 2-core machine keeps its timing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "Real sockets and real time";
}
