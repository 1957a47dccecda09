using System;
using System.IO;

namespace WsAnalyzers.Cli.Reporting;

/// <summary>Writes a report in the chosen format to stdout, or atomically to a file.</summary>
internal static class ReportWriter
{
    public static void Write(string format, string? output, AnalysisResult result)
    {
        if (format == "text")
        {
            if (output is null)
            {
                TextReport.Write(Console.Out, result);
                return;
            }

            var text = new StringWriter { NewLine = "\n" };
            TextReport.Write(text, result);
            AtomicFile.WriteAllText(output, text.ToString());
            return;
        }

        using var stream = new MemoryStream();
        if (format == "sarif")
        {
            SarifReport.Write(stream, result);
        }
        else
        {
            JsonReport.Write(stream, result);
        }

        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            stream.Position = 0;
            stream.CopyTo(stdout);
        }
        else
        {
            AtomicFile.WriteAllBytes(output, stream.ToArray());
        }
    }
}
