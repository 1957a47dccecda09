using System;
using System.Text;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>
/// The gate's one-pass search answers as the runtime's searches of each word would: a marker where it starts, ends or
/// straddles the vectors the pass compares, in any case, next to the pairs it looks for that spell no marker.
/// </summary>
public sealed class MarkerSearchTests
{
    private static readonly string[] Fragments =
    {
        "WebSocket", "websocket", "WEBSOCKET", "Websocket", "ebsocket", "EbSoCkEt", "WebSock", "ebsocke", "bsocket", "bs", "BS",
        "SignalR", "signalr", "SIGNALR", "ignalr", "signal", "lr", "LR", "Signal R", "ws://", "WS://", "wS://", "ws:/", "ws:",
        "://", ":/", "http://", "wss://", "w", "s", "e", "b", ":", "/", " ", "\n", "abstract", "Obsolete", "already", "Url",
        "x", "var total = 0;", "ſignalr", "\u0131", "é", "\uFF57s://",
    };

    [Theory]
    [InlineData("", 0)]
    [InlineData("w", 0)]
    [InlineData("ws://", MarkerSearch.Marker)]
    [InlineData("WS://host", MarkerSearch.Marker)]
    [InlineData("wss://host", 0)]
    [InlineData("http://host", 0)]
    [InlineData("ebsocket", MarkerSearch.Marker)]
    [InlineData("A webSOCKET", MarkerSearch.Marker | MarkerSearch.ApiName)]
    [InlineData("using Microsoft.AspNetCore.SignalR;", MarkerSearch.Marker | MarkerSearch.ApiName)]
    [InlineData("signal r, abstract, obsolete, already", 0)]
    public void Short_texts_answer_as_the_words_they_spell(string text, int expected) =>
        Assert.Equal(expected, MarkerSearch.Find(text.AsSpan()));

    [Fact]
    public void A_marker_is_found_at_every_offset_of_a_long_text()
    {
        foreach (var marker in new[] { "WebSocket", "ebsocket", "SignalR", "ws://" })
        {
            for (var offset = 0; offset < 80; offset++)
            {
                foreach (var tail in new[] { 0, 1, 7, 40 })
                {
                    var text = new string('a', offset) + marker + new string('z', tail);
                    Assert.Equal(Reference(text), MarkerSearch.Find(text.AsSpan()));
                    Assert.NotEqual(0, MarkerSearch.Find(text.AsSpan()));
                }
            }
        }
    }

    [Fact]
    public void Random_texts_answer_as_the_runtime_searches_of_each_word()
    {
        var random = new Random(18);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            var pieces = random.Next(0, 30);
            for (var p = 0; p < pieces; p++)
            {
                text.Append(random.Next(3) == 0 ? Fragments[random.Next(Fragments.Length)] : new string((char)('a' + random.Next(26)), random.Next(1, 20)));
            }

            var s = text.ToString();
            Assert.True(Reference(s) == MarkerSearch.Find(s.AsSpan()), $"text: \"{s}\"");
        }
    }

    // The searches the gate made before, with the runtime's case-insensitive comparison folded to ASCII as C# names are.
    private static byte Reference(string text)
    {
        var ascii = Ascii(text);
        byte found = 0;
        if (ascii.Contains("ebsocket", StringComparison.OrdinalIgnoreCase) || ascii.Contains("signalr", StringComparison.OrdinalIgnoreCase) ||
            ascii.Contains("ws://", StringComparison.OrdinalIgnoreCase))
        {
            found |= MarkerSearch.Marker;
        }

        if (ascii.Contains("websocket", StringComparison.OrdinalIgnoreCase) || ascii.Contains("signalr", StringComparison.OrdinalIgnoreCase))
        {
            found |= MarkerSearch.ApiName;
        }

        return found;
    }

    // A character outside ASCII can only be told apart from an ASCII letter if it cannot fold onto one.
    private static string Ascii(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] > 0x7F)
            {
                chars[i] = '#';
            }
        }

        return new string(chars);
    }
}
