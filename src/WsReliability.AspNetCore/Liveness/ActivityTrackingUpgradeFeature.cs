using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Features;

namespace WsReliability.AspNetCore.Liveness;

/// <summary>HTTP/1.1 upgrade: hands the WebSocket middleware the upgraded stream wrapped in an <see cref="ActivityTrackingStream"/>.</summary>
internal sealed class ActivityTrackingUpgradeFeature : IHttpUpgradeFeature
{
    private readonly IHttpUpgradeFeature _inner;
    private readonly InboundActivity _activity;

    public ActivityTrackingUpgradeFeature(IHttpUpgradeFeature inner, InboundActivity activity)
    {
        _inner = inner;
        _activity = activity;
    }

    public bool IsUpgradableRequest => _inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync() => new ActivityTrackingStream(await _inner.UpgradeAsync().ConfigureAwait(false), _activity);
}
