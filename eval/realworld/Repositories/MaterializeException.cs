using System;

namespace WsAnalyzers.RealWorld.Repositories;

/// <summary>A repository could not be brought to its pinned commit; the message says why.</summary>
public sealed class MaterializeException(string message) : Exception(message);
