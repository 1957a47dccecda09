// A Fleck server whose open handler spins until the game loop has started.
// fixed: connection.OnOpen = async () =>
// fixed: while (!_started)
// fixed: await Task.Delay(1);
using System.Threading.Tasks;
using Fleck;

public sealed class GameServer
{
    private volatile bool _started;

    public void Begin() => _started = true;

    public void Start(WebSocketServer server) =>
        server.Start(connection =>
        {
            connection.OnOpen = () =>
            {
                while (!_started)
                {
                }

                connection.Send("welcome");
            };
        });
}
