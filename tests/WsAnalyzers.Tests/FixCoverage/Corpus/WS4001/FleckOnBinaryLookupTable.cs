// A Fleck server that rebuilds a 65,536-entry CRC table for every binary frame before checking it.
// fixed: connection.OnBinary = async bytes =>
// fixed: connection.Send(crc.ToString());
using Fleck;

public sealed class ChecksumServer
{
    public void Start(WebSocketServer server) =>
        server.Start(connection =>
        {
            connection.OnBinary = bytes =>
            {
                var table = new uint[65_536];
                for (uint entry = 0; entry < 65_536; entry++)
                {
                    table[entry] = entry * 2654435761u;
                }

                var crc = 0u;
                foreach (var b in bytes)
                {
                    crc = table[(crc ^ b) & 0xFFFF] ^ (crc >> 8);
                }

                connection.Send(crc.ToString());
            };
        });
}
