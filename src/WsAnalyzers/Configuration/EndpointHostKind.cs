namespace WsAnalyzers.Configuration;

/// <summary>What the host of a ws:// literal is.</summary>
internal enum EndpointHostKind
{
    /// <summary>Not a ws:// URL, or its host is not all in the literal (<c>"ws://" + host</c>, <c>"ws://{0}"</c>).</summary>
    Unknown,

    /// <summary>localhost, a *.localhost name, 127.0.0.0/8 or ::1: the traffic never leaves the machine.</summary>
    Loopback,

    /// <summary>0.0.0.0, ::, * or +: an address a server binds to, never one a client connects to.</summary>
    AnyAddress,

    /// <summary>Any other host.</summary>
    Remote,
}
