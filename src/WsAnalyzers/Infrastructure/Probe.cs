namespace WsAnalyzers.Infrastructure;
public static class Probe
{
    public static readonly long[] Ticks = new long[16];
    public static readonly long[] Counts = new long[16];
    public static long Now() => System.Diagnostics.Stopwatch.GetTimestamp();
    public static void Add(int slot, long start) { System.Threading.Interlocked.Add(ref Ticks[slot], System.Diagnostics.Stopwatch.GetTimestamp() - start); System.Threading.Interlocked.Increment(ref Counts[slot]); }
}
