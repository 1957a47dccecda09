using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Operations;

internal static class LoopKeywords
{
    /// <summary>The location of a loop's keyword (<c>foreach</c>, <c>for</c>, <c>while</c>, <c>do</c>), where loop rules report.</summary>
    public static Location KeywordLocation(this ILoopOperation loop) =>
        loop.Syntax switch
        {
            CommonForEachStatementSyntax forEach => forEach.ForEachKeyword.GetLocation(),
            ForStatementSyntax @for => @for.ForKeyword.GetLocation(),
            WhileStatementSyntax @while => @while.WhileKeyword.GetLocation(),
            DoStatementSyntax @do => @do.DoKeyword.GetLocation(),
            var other => other.GetFirstToken().GetLocation(),
        };
}
