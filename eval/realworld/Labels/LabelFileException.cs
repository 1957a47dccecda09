using System;

namespace WsAnalyzers.RealWorld.Labels;

/// <summary>The labels file is not in the documented format; the message names the line.</summary>
public sealed class LabelFileException(string message) : Exception(message);
