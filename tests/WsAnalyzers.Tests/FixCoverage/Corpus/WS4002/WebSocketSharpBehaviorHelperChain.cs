// A websocket-sharp game server whose OnMessage deals cards through a chain of synchronous helpers that block on HTTP.
// no-fix: the blocking call is in synchronous helpers of a synchronous override; awaiting there would change the helpers' and the override's signatures, and websocket-sharp's OnMessage cannot become async (an async void override lets the next message run before this one ends, and an exception skip OnError).
using System.Collections.Generic;
using System.Net.Http;
using WebSocketSharp;
using WebSocketSharp.Server;

public sealed class Board : WebSocketBehavior
{
    private static readonly HttpClient Http = new();
    private static readonly List<bool> Ready = new();

    protected override void OnMessage(MessageEventArgs e)
    {
        if (e.Data == "ready")
        {
            SetReadyState();
        }
    }

    private void SetReadyState()
    {
        Ready.Add(true);
        ControlReadyState();
    }

    private void ControlReadyState()
    {
        if (!Ready.Contains(false))
        {
            StartGame();
        }
    }

    private void StartGame() => GiveCards();

    private void GiveCards()
    {
        var cards = Http.GetStringAsync("https://deckofcardsapi.com/api/deck/new/draw/?count=2").Result;
        Send(cards);
    }
}
