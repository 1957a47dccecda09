using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.Cli.Proxy.App;

/// <summary>
/// The keep-alive interval of the application, read from its code when check-proxy is given its folder: the longest
/// constant `KeepAliveInterval = ...` (WebSocketOptions, HubOptions), or SignalR's default (15 s) when the code calls
/// AddSignalR and sets none. Without code (or without either) the checks keep ASP.NET Core's default of 2 minutes.
/// </summary>
internal static class KeepAliveReader
{
    private static readonly TimeSpan SignalRDefault = TimeSpan.FromSeconds(15);

    public static ProxySettings? Read(IEnumerable<string> csharpFiles)
    {
        (TimeSpan Value, string Where)? longest = null;
        string? signalR = null;
        var rawWebSockets = false;
        foreach (var path in csharpFiles)
        {
            var text = File.ReadAllText(path);
            if (!text.Contains("KeepAliveInterval", StringComparison.Ordinal) && !text.Contains("AddSignalR", StringComparison.Ordinal) &&
                !text.Contains("UseWebSockets", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(text, path: path).GetRoot();
            foreach (var assignment in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var name = assignment.Left switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.Text,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
                    _ => null,
                };
                if (name == "KeepAliveInterval" && CSharpValues.TimeSpan(assignment.Right) is { } value && value > TimeSpan.Zero &&
                    (longest is null || value > longest.Value.Value))
                {
                    longest = (value, $"{Path.GetFileName(path)}:{assignment.GetLocation().GetLineSpan().StartLinePosition.Line + 1}");
                }
            }

            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var method = (call.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.Text;
                if (method == "AddSignalR")
                {
                    signalR ??= $"{Path.GetFileName(path)}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                }
                else if (method == "UseWebSockets")
                {
                    rawWebSockets = true;
                }
            }
        }

        if (longest is { } found)
        {
            return new ProxySettings(found.Value, $"KeepAliveInterval in {found.Where}");
        }

        return signalR is not null && !rawWebSockets
            ? new ProxySettings(SignalRDefault, $"SignalR's default KeepAliveInterval, AddSignalR in {signalR}")
            : null;
    }
}
