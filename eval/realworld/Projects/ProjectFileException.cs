using System;

namespace WsAnalyzers.RealWorld.Projects;

/// <summary>A project file that cannot be read; the message names it.</summary>
public sealed class ProjectFileException(string message) : Exception(message);
