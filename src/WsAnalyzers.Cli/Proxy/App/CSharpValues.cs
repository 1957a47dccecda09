using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.Cli.Proxy.App;

/// <summary>
/// Constant values of the C# expressions that configure proxies and keep-alives, read from syntax:
/// TimeSpan.FromSeconds(30), new TimeSpan(0, 2, 0), TimeSpan.Parse("00:02:00"), string and bool literals, enum members.
/// Anything else is unknown (null), and the rules then stay silent.
/// </summary>
internal static class CSharpValues
{
    public static TimeSpan? TimeSpan(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call when IsTimeSpan(member.Expression):
                var argument = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                if (member.Name.Identifier.Text == "Parse" && argument is LiteralExpressionSyntax { Token.Value: string text })
                {
                    return Durations.ParseTimeSpan(text);
                }

                if (argument is null || Number(argument) is not { } number)
                {
                    return null;
                }

                return member.Name.Identifier.Text switch
                {
                    "FromMilliseconds" => System.TimeSpan.FromMilliseconds(number),
                    "FromSeconds" => System.TimeSpan.FromSeconds(number),
                    "FromMinutes" => System.TimeSpan.FromMinutes(number),
                    "FromHours" => System.TimeSpan.FromHours(number),
                    "FromDays" => System.TimeSpan.FromDays(number),
                    _ => null,
                };
            case BaseObjectCreationExpressionSyntax creation when creation is ImplicitObjectCreationExpressionSyntax || creation is ObjectCreationExpressionSyntax { Type: var type } && IsTimeSpan(type):
                var numbers = creation.ArgumentList?.Arguments.Select(a => Number(a.Expression)).ToList();
                if (numbers is null || numbers.Any(n => n is null))
                {
                    return null;
                }

                return numbers.Count switch
                {
                    3 => new System.TimeSpan((int)numbers[0]!, (int)numbers[1]!, (int)numbers[2]!),
                    4 => new System.TimeSpan((int)numbers[0]!, (int)numbers[1]!, (int)numbers[2]!, (int)numbers[3]!),
                    _ => null,
                };
            default:
                return null;
        }
    }

    public static string? String(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { Token.Value: string text } ? text : null;

    public static bool? Bool(ExpressionSyntax expression) => expression.Kind() switch
    {
        SyntaxKind.TrueLiteralExpression => true,
        SyntaxKind.FalseLiteralExpression => false,
        _ => null,
    };

    /// <summary>The member name of `HttpVersionPolicy.RequestVersionExact`, `LoadBalancingPolicies.FirstAlphabetical`.</summary>
    public static string? MemberName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
        LiteralExpressionSyntax { Token.Value: string text } => text,
        _ => null,
    };

    /// <summary>HttpVersion.Version20 → "2.0", new Version(1, 1) → "1.1", "2.0" → "2.0".</summary>
    public static string? Version(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.Text: var name } when name.StartsWith("Version", StringComparison.Ordinal) && name.Length == 9 =>
            $"{name[7]}.{name[8]}",
        BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: var arguments } when arguments.Count >= 1 && arguments.All(a => Number(a.Expression) is not null) =>
            string.Join('.', arguments.Select(a => Number(a.Expression)!.Value.ToString(CultureInfo.InvariantCulture))),
        LiteralExpressionSyntax { Token.Value: string text } => text,
        _ => null,
    };

    private static double? Number(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { Token.Value: int i } => i,
        LiteralExpressionSyntax { Token.Value: long l } => l,
        LiteralExpressionSyntax { Token.Value: double d } => d,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } => null,
        _ => null,
    };

    private static bool IsTimeSpan(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax { Identifier.Text: "TimeSpan" } || expression is QualifiedNameSyntax { Right.Identifier.Text: "TimeSpan" } ||
        expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "TimeSpan" };

    private static bool IsTimeSpan(TypeSyntax type) =>
        type is IdentifierNameSyntax { Identifier.Text: "TimeSpan" } || type is QualifiedNameSyntax { Right.Identifier.Text: "TimeSpan" };
}
