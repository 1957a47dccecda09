using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.Prefilters;

/// <summary>Names as written, for syntax prefilters that decide what to bind. A name never decides a finding.</summary>
internal static class SyntaxNames
{
    /// <summary>The simple name of the method an invocation expression calls (<c>M</c>, <c>x.M</c>, <c>x?.M</c>,
    /// <c>M&lt;T&gt;</c>), or null for other shapes (a delegate in an element, a parenthesized expression).</summary>
    public static string? Invoked(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
