namespace WsAnalyzers.RealWorld.Projects;

/// <summary>What is compiled for a labelled file: a project file, or a folder of loose files when there is none.</summary>
public sealed record ProjectTarget(ProjectFile? Project, string Folder)
{
    public string Key => Project?.FilePath ?? Folder;

    public static ProjectTarget ForProject(ProjectFile project) => new(project, project.Folder);

    public static ProjectTarget ForFolder(string folder) => new(null, folder);
}
