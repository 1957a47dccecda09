namespace WsAnalyzers.Cli.Proxy;

internal enum ProxyKind
{
    Nginx,
    HAProxy,
    YarpJson,

    /// <summary>C# files: code-configured YARP routes, and the application's keep-alive interval.</summary>
    CSharp,
}
