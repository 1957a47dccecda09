using System.Text.Encodings.Web;

namespace WsAnalyzers.Cli.Reporting;

internal static class JsonOutput
{
    /// <summary>Keeps quotes and non-ASCII text readable in reports; they are files and pipes, never embedded in HTML.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
