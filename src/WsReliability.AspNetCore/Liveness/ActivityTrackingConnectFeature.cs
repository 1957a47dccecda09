using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Features;

namespace WsReliability.AspNetCore.Liveness;

/// <summary>HTTP/2 extended CONNECT: hands the WebSocket middleware the stream wrapped in an <see cref="ActivityTrackingStream"/>.</summary>
internal sealed class ActivityTrackingConnectFeature : IHttpExtendedConnectFeature
{
    private readonly IHttpExtendedConnectFeature _inner;
    private readonly InboundActivity _activity;

    public ActivityTrackingConnectFeature(IHttpExtendedConnectFeature inner, InboundActivity activity)
    {
        _inner = inner;
        _activity = activity;
    }

    public bool IsExtendedConnect => _inner.IsExtendedConnect;

    public string? Protocol => _inner.Protocol;

    public async ValueTask<Stream> AcceptAsync() => new ActivityTrackingStream(await _inner.AcceptAsync().ConfigureAwait(false), _activity);
}
