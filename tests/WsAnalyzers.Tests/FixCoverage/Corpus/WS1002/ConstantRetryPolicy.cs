// A custom SignalR retry policy that never gives up and always waits two seconds.
// fixed: public TimeSpan? NextRetryDelay(RetryContext retryContext)
// fixed: PreviousRetryCount
// fixed-not: TimeSpan.FromSeconds(2)
using System;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class ConstantRetryPolicy : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromSeconds(2);
}

public static class Connections
{
    public static HubConnection Create(Uri url) =>
        new HubConnectionBuilder().WithUrl(url).WithAutomaticReconnect(new ConstantRetryPolicy()).Build();
}
