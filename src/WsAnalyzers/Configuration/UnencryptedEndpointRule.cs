using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.Configuration;

/// <summary>
/// WS6002: a ws:// literal whose host is neither loopback nor an any-address, used as an endpoint something connects
/// to (<see cref="EndpointFlow"/>). A server's bind address (Fleck's or websocket-sharp's WebSocketServer) is not one. The
/// literal may start a concatenation or an interpolated string when the host is all in the literal.
/// </summary>
internal static class UnencryptedEndpointRule
{
    public static void Analyze(OperationAnalysisContext context, WebSocketApis apis)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (!MayStartWithScheme(literal.Syntax) || !literal.ConstantValue.HasValue || literal.ConstantValue.Value is not string text || !WebSocketUrl.IsUnencrypted(text))
        {
            return;
        }

        // The text of an interpolated string ($"ws://host:{port}/") is a literal whose value is the whole string's start.
        IOperation value = literal;
        var mayContinue = false;
        if (literal.Parent is IInterpolatedStringTextOperation { Parent: IInterpolatedStringOperation interpolated })
        {
            if (interpolated.Parts.Length == 0 || interpolated.Parts[0] != literal.Parent)
            {
                return;
            }

            value = interpolated;
            mayContinue = interpolated.Parts.Length > 1;
        }
        else if (literal.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation)
        {
            if (concatenation.LeftOperand != literal)
            {
                return;
            }

            mayContinue = true;
        }

        if (WebSocketUrl.HostOf(text, mayContinue, out var host) != EndpointHostKind.Remote ||
            EndpointFlow.UseOf(apis, value) != EndpointUse.Client)
        {
            return;
        }

        context.Report(Diagnostic.Create(Descriptors.WS6002UnencryptedEndpoint, value.Syntax.GetLocation(), Shorten(text), host));
    }

    /// <summary>
    /// False when the literal's source says its value cannot start with ws:// (a number, a Boolean, a character, null, or
    /// a string token whose value does not): reading a string constant copies it into a new string each time, and the
    /// action sees every literal of the code. A token's value text is its constant, escapes resolved.
    /// </summary>
    private static bool MayStartWithScheme(SyntaxNode syntax) =>
        syntax is not LiteralExpressionSyntax literal ||
        (literal.IsKind(SyntaxKind.StringLiteralExpression) && WebSocketUrl.IsUnencrypted(literal.Token.ValueText));

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
