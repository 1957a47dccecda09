namespace WsAnalyzers.RealWorld.Projects;

/// <summary>An MSBuild item of a project file: its kind (Compile, PackageReference, ...), Include / Remove / Update and the
/// metadata we read (Version, HintPath, Alias, Static).</summary>
public sealed record ProjectItem(string Kind, string? Include, string? Remove, string? Update, string? HintPath, string? Alias, bool Static);
