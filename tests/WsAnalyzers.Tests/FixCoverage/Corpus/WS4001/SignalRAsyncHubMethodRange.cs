// An async SignalR hub method that counts primes below a fixed limit before it answers.
// fixed: await Clients.Caller.SendAsync("primes", found);
// fixed: await Task.Run(
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed class MathHub : Hub
{
    public async Task Primes()
    {
        var found = 0;
        foreach (var candidate in Enumerable.Range(2, 200_000))
        {
            var prime = true;
            for (var divisor = 2; divisor * divisor <= candidate; divisor++)
            {
                if (candidate % divisor == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                found++;
            }
        }

        await Clients.Caller.SendAsync("primes", found);
    }
}
