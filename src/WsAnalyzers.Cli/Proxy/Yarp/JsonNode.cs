using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>
/// A JSON value with the character span it occupies in its file, so findings have lines and fixes can edit the text in
/// place. Read as .NET configuration reads appsettings.json: comments and trailing commas allowed, property names
/// case-insensitive.
/// </summary>
internal sealed class JsonNode
{
    public JsonValueKind Kind { get; private init; }

    /// <summary>A string's value, a number's or literal's text; null for objects and arrays.</summary>
    public string? Value { get; private init; }

    public int Offset { get; private init; }

    public int End { get; private set; }

    /// <summary>An object's properties, in order, with the offset of each name.</summary>
    public List<(string Name, int NameOffset, JsonNode Value)> Properties { get; } = [];

    public List<JsonNode> Items { get; } = [];

    public JsonNode? this[string name] =>
        Properties.LastOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    public int NameOffsetOf(string name) =>
        Properties.LastOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).NameOffset;

    /// <summary>A value as configuration binding sees it: strings, numbers and booleans all as text.</summary>
    public string? Text => Kind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null ? null : Value;

    public static JsonNode Parse(ConfigFile file)
    {
        var bytes = Encoding.UTF8.GetBytes(file.Text);
        var charOffsets = CharOffsets(file.Text, bytes.Length);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw new ProxyConfigException($"{file.Path}: empty JSON file");
            }

            var root = Read(ref reader, charOffsets);
            if (reader.Read())
            {
                throw ProxyConfigException.At(file, charOffsets[(int)reader.TokenStartIndex], "not valid JSON: more than one value at the top level");
            }

            return root;
        }
        catch (JsonException e)
        {
            throw new ProxyConfigException($"{file.Path}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}");
        }
    }

    private static JsonNode Read(ref Utf8JsonReader reader, int[] charOffsets)
    {
        var start = charOffsets[(int)reader.TokenStartIndex];
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, charOffsets, start);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, charOffsets, start);
            default:
                var kind = reader.TokenType switch
                {
                    JsonTokenType.String => JsonValueKind.String,
                    JsonTokenType.Number => JsonValueKind.Number,
                    JsonTokenType.True => JsonValueKind.True,
                    JsonTokenType.False => JsonValueKind.False,
                    _ => JsonValueKind.Null,
                };
                var value = kind == JsonValueKind.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
                return new JsonNode { Kind = kind, Value = value, Offset = start, End = charOffsets[(int)reader.BytesConsumed] };
        }
    }

    private static JsonNode ReadObject(ref Utf8JsonReader reader, int[] charOffsets, int start)
    {
        var node = new JsonNode { Kind = JsonValueKind.Object, Offset = start };
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var nameOffset = charOffsets[(int)reader.TokenStartIndex];
            var name = reader.GetString()!;
            reader.Read();
            node.Properties.Add((name, nameOffset, Read(ref reader, charOffsets)));
        }

        node.End = charOffsets[(int)reader.BytesConsumed];
        return node;
    }

    private static JsonNode ReadArray(ref Utf8JsonReader reader, int[] charOffsets, int start)
    {
        var node = new JsonNode { Kind = JsonValueKind.Array, Offset = start };
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            node.Items.Add(Read(ref reader, charOffsets));
        }

        node.End = charOffsets[(int)reader.BytesConsumed];
        return node;
    }

    /// <summary>For each UTF-8 byte offset, the UTF-16 offset of the character it belongs to.</summary>
    private static int[] CharOffsets(string text, int byteCount)
    {
        var offsets = new int[byteCount + 1];
        var b = 0;
        for (var c = 0; c < text.Length; c++)
        {
            var width = char.IsHighSurrogate(text[c]) && c + 1 < text.Length ? 4 : Encoding.UTF8.GetByteCount(text.AsSpan(c, 1));
            for (var k = 0; k < width; k++)
            {
                offsets[b++] = c;
            }

            if (width == 4)
            {
                c++;
            }
        }

        offsets[byteCount] = text.Length;
        return offsets;
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var end = message.IndexOf(marker, StringComparison.Ordinal);
            message = end > 0 ? message[..end] : message;
        }

        return message.Trim().TrimEnd('.');
    }
}
