using System;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>A configuration the proxy itself would reject, or a file that cannot be read: one line, exit code 2.</summary>
internal sealed class ProxyConfigException(string message) : Exception(message)
{
    public static ProxyConfigException At(ConfigFile file, int offset, string message)
    {
        var (line, _) = file.Position(offset);
        return new ProxyConfigException($"{file.Path}:{line}: {message}");
    }
}
