// A Websocket.Client subscriber that recomputes an order book from scratch on every update.
// fixed: async message =>
// fixed: foreach (var level in _levels)
using System;
using System.Collections.Generic;
using Websocket.Client;

public sealed class OrderBook
{
    private readonly List<decimal[]> _levels = new();
    private decimal _depth;

    public IDisposable Follow(WebsocketClient client) =>
        client.MessageReceived.Subscribe(message =>
        {
            var depth = 0m;
            foreach (var level in _levels)
            {
                foreach (var quantity in level)
                {
                    depth += quantity;
                }
            }

            _depth = depth;
        });

    public decimal Depth => _depth;
}
