namespace WsReliability.AspNetCore;

/// <summary>Whether the hub takes new connections.</summary>
public enum HubAvailability
{
    /// <summary>Upgrades are accepted (up to MaxConnections).</summary>
    Available,

    /// <summary>
    /// Starting, warming up or draining: upgrades are answered 503 Service Unavailable with a Retry-After spread at
    /// the admission rate.
    /// </summary>
    Unavailable,
}
