namespace WsReliability.Benchmarks.FanOut;

internal enum ServerKind
{
    Hub,
    Naive,
    SignalR,
}

internal static class ServerKindExtensions
{
    public static string Describe(this ServerKind kind) => kind switch
    {
        ServerKind.Hub => "WsReliability.AspNetCore hub",
        ServerKind.Naive => "naive ConcurrentDictionary loop",
        _ => "SignalR hub (in-process)",
    };
}
