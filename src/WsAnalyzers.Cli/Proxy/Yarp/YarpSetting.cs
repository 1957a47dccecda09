namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>A configured value and where it is written: a JSON value (which a fix can replace) or a C# expression.</summary>
internal sealed record YarpSetting(string Value, ConfigFile File, int Offset, int Length, JsonNode? Json);
