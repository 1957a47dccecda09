using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>
/// Lambda blocks laid out by hand: the formatter keeps a lambda block it did not lay out on one line, and does not
/// indent one it did not lay out, so the fixes that give a lambda a block body (a Fleck OnClose callback, a
/// <c>Task.Run</c> session, an OnMessage append) write it line by line at the indentation of the statement around it.
/// </summary>
internal static class LambdaBlocks
{
    /// <summary><c>{ statements }</c> starting on a new line at <paramref name="indentation"/>, each statement one level in.</summary>
    public static BlockSyntax Layout(IEnumerable<StatementSyntax> statements, string indentation, string endOfLine)
    {
        var text = new StringBuilder().Append('{').Append(endOfLine);
        foreach (var statement in statements)
        {
            var lines = statement.WithoutTrivia().NormalizeWhitespace("    ", endOfLine).ToFullString()
                .Split(new[] { endOfLine }, System.StringSplitOptions.None);
            foreach (var line in lines)
            {
                text.Append(line.Length == 0 ? "" : indentation + "    " + line).Append(endOfLine);
            }
        }

        text.Append(indentation).Append('}');
        return ((BlockSyntax)SyntaxFactory.ParseStatement(text.ToString()))
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(endOfLine), SyntaxFactory.Whitespace(indentation));
    }
}
