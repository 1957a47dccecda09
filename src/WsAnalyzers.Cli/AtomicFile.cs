using System;
using System.IO;
using System.Text;

namespace WsAnalyzers.Cli;

/// <summary>Writes a file through a temporary sibling and a rename, so readers never see half a file.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string contents, Encoding encoding) =>
        Write(path, temporary => File.WriteAllText(temporary, contents, encoding));

    public static void WriteAllText(string path, string contents) => WriteAllText(path, contents, new UTF8Encoding(false));

    public static void WriteAllBytes(string path, byte[] contents) => Write(path, temporary => File.WriteAllBytes(temporary, contents));

    private static void Write(string path, Action<string> write)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new CliException($"cannot write '{path}': folder '{directory}' does not exist");
        }

        // Same folder, so the rename stays on one file system and replaces the file in one step.
        var temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            write(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException($"cannot write '{path}': {e.Message}");
        }
    }
}
