namespace WsAnalyzers.MessageHandlers;

/// <summary>What a loop's bound depends on, as far as the received message goes.</summary>
internal enum PayloadBound
{
    /// <summary>Nothing received: a field, a constant, the time.</summary>
    Unrelated,

    /// <summary>The message itself or its size (<c>result.Count</c>, <c>text.Length</c>, its lines or elements): parsing.</summary>
    Message,

    /// <summary>A number the peer chose: parsed from the message (<c>int.Parse(text)</c>), a numeric field of what it
    /// deserialises to, or a numeric argument of a hub method.</summary>
    Chosen,
}
