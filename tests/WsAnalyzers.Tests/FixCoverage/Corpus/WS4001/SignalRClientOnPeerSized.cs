// A SignalR client that redraws a board of the size the server announces, cell by cell.
// fixed: _connection.On<int>("resize", async size =>
// fixed: _cells = cells;
using System;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class BoardClient
{
    private readonly HubConnection _connection;
    private int _cells;

    public BoardClient(HubConnection connection) => _connection = connection;

    public IDisposable Listen() =>
        _connection.On<int>("resize", size =>
        {
            var cells = 0;
            for (var row = 0; row < size; row++)
            {
                for (var column = 0; column < size; column++)
                {
                    cells++;
                }
            }

            _cells = cells;
        });
}
