using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace WsReliability.Integration.Tests.Infrastructure;

internal static class Eventually
{
    /// <summary>Generous on purpose: the machine running the suite may be loaded; a passing wait returns as soon as it holds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="condition"/> every 10 ms until it holds; false after <paramref name="timeout"/>.</summary>
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Patience;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>Checks that <paramref name="condition"/> holds at every poll for <paramref name="period"/> of real time.</summary>
    public static async Task<bool> StaysAsync(Func<bool> condition, TimeSpan period)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < period)
        {
            if (!condition())
            {
                return false;
            }

            await Task.Delay(10);
        }

        return condition();
    }
}
