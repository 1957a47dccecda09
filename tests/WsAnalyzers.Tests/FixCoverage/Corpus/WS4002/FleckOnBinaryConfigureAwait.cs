// A Fleck server that uploads each binary frame and blocks on the upload with ConfigureAwait(false).GetAwaiter().GetResult().
// fixed: connection.OnBinary = async bytes =>
// fixed: await _uploads.UploadAsync(bytes).ConfigureAwait(false);
using System.Threading.Tasks;
using Fleck;

public interface IUploads
{
    Task UploadAsync(byte[] bytes);
}

public sealed class UploadServer
{
    private readonly IUploads _uploads;

    public UploadServer(IUploads uploads) => _uploads = uploads;

    public void Start(WebSocketServer server) =>
        server.Start(connection =>
        {
            connection.OnBinary = bytes => _uploads.UploadAsync(bytes).ConfigureAwait(false).GetAwaiter().GetResult();
        });
}
