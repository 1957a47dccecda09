// A retry policy that spreads its clients with a random delay, but never backs off.
// fixed: TimeSpan? IRetryPolicy.NextRetryDelay(RetryContext context)
// fixed: PreviousRetryCount
using System;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class RandomRetryPolicy : IRetryPolicy
{
    private readonly Random _random = new Random();

    TimeSpan? IRetryPolicy.NextRetryDelay(RetryContext context)
    {
        lock (_random)
        {
            return TimeSpan.FromSeconds(_random.Next(1, 5));
        }
    }
}
