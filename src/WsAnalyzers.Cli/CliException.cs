using System;

namespace WsAnalyzers.Cli;

/// <summary>A usage or environment problem the user can act on: printed as one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
