// A websocket-sharp game table that deals a card to every player with List.ForEach.
// fixed: _players.ForEach(
// fixed: player.Send(card);
// fixed: catch (InvalidOperationException)
using System;
using System.Collections.Generic;
using WebSocketSharp;

public sealed class Table
{
    private readonly List<WebSocket> _players = new();

    public void Seat(WebSocket player) => _players.Add(player);

    public void Deal(string card) => _players.ForEach(player => player.Send(card));
}
