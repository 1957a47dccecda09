// A SignalR hub method that returns a profile by blocking on the repository.
// fixed: public async Task<string> Profile(string user) => await _profiles.LoadAsync(user);
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public interface IProfiles
{
    Task<string> LoadAsync(string user);
}

public sealed class ProfileHub : Hub
{
    private readonly IProfiles _profiles;

    public ProfileHub(IProfiles profiles) => _profiles = profiles;

    public string Profile(string user) => _profiles.LoadAsync(user).Result;
}
