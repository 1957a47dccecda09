using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace WsAnalyzers.RealWorld.Repositories;

/// <summary>Writes the files a compilation needs (C# sources, project files, MSBuild props/targets, packages.config) of one
/// commit into a folder, straight from the git objects. Only those: mirrors may lack large or LFS blobs (images, binaries),
/// which a whole-tree checkout would fail on.</summary>
internal static class SourceFiles
{
    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".targets", ".editorconfig", ".globalconfig"];

    public static bool IsNeeded(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        || Path.GetFileName(path).Equals("packages.config", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> ExtractAsync(string gitDir, string commit, string folder)
    {
        var (exitCode, listing, error) = await Git.RunAsync(["--git-dir", gitDir, "ls-tree", "-r", "-z", "--full-tree", commit]);
        if (exitCode != 0)
        {
            throw new MaterializeException($"git ls-tree {commit} failed in {gitDir}: {error}");
        }

        var blobs = Encoding.UTF8.GetString(listing.ToArray())
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('\t', 2))
            .Where(parts => parts.Length == 2 && parts[0].Split(' ') is [_, "blob", _] && IsNeeded(parts[1]))
            .Select(parts => (Sha: parts[0].Split(' ')[2], Path: parts[1]))
            .ToList();

        var start = new ProcessStartInfo("git") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--git-dir", gitDir, "cat-file", "--batch" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new MaterializeException("git could not be started");
        var errors = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(async () =>
        {
            foreach (var blob in blobs)
            {
                await process.StandardInput.WriteAsync(blob.Sha + "\n");
            }

            process.StandardInput.Close();
        });

        var output = process.StandardOutput.BaseStream;
        var written = 0;
        foreach (var blob in blobs)
        {
            var header = ReadLine(output);
            var fields = header.Split(' ');
            if (fields.Length < 3 || fields[1] != "blob" || !int.TryParse(fields[2], out var size))
            {
                continue; // "<sha> missing": the mirror lacks this blob; the file is left out.
            }

            var content = new byte[size];
            await output.ReadExactlyAsync(content);
            output.ReadByte(); // the newline after the content
            var target = Path.GetFullPath(Path.Combine(folder, blob.Path));
            if (!target.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content);
            written++;
        }

        await writer;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new MaterializeException($"git cat-file failed in {gitDir}: {(await errors).Trim()}");
        }

        return written;
    }

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n')
        {
            bytes.Add((byte)b);
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
