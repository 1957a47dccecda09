// A Fleck server that builds a multiplication table of the size the client sends.
// fixed: connection.OnMessage = async message =>
// fixed: connection.Send(
// fixed: int.TryParse(message, out var size)
using System.Text;
using Fleck;

public sealed class TableServer
{
    public void Start(WebSocketServer server) =>
        server.Start(connection =>
        {
            connection.OnMessage = message =>
            {
                if (!int.TryParse(message, out var size))
                {
                    return;
                }

                var table = new StringBuilder();
                for (var row = 1; row <= size; row++)
                {
                    for (var column = 1; column <= size; column++)
                    {
                        table.Append(row * column).Append(' ');
                    }
                }

                connection.Send(table.Length.ToString());
            };
        });
}
