// A Fleck server that registers each connection in a store on open and waits for the store synchronously.
// fixed: connection.OnOpen = async () =>
// fixed: await _registry.AddAsync(connection.ConnectionInfo.Id);
using System;
using System.Threading.Tasks;
using Fleck;

public interface IRegistry
{
    Task AddAsync(Guid id);
}

public sealed class RegisteringServer
{
    private readonly IRegistry _registry;

    public RegisteringServer(IRegistry registry) => _registry = registry;

    public void Start(WebSocketServer server) =>
        server.Start(connection =>
        {
            connection.OnOpen = () =>
            {
                _registry.AddAsync(connection.ConnectionInfo.Id).Wait();
            };
        });
}
