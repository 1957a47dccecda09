using System.IO;

namespace WsAnalyzers.RealWorld.Tests;

internal static class RepositoryRoot
{
    /// <summary>The checkout this test runs from: the nearest folder above the test's output with WsAnalyzers.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(System.AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "WsAnalyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("WsAnalyzers.sln not found above " + System.AppContext.BaseDirectory);
    }
}
