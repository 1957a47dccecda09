using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>WS1002: the delay before a reconnect is constant, random without growth or growing without jitter; and a
/// SignalR IRetryPolicy that never gives up and returns such a delay.</summary>
internal static class ReconnectWithoutBackoffRule
{
    /// <summary>Reports a reconnect analysed as waiting, but without growing, jittered delays.</summary>
    internal static void Report(OperationAnalysisContext context, WebSocketApis apis, ReconnectFinding finding) =>
        context.Report(ReconnectDiagnostics.Create(apis, Descriptors.WS1002ReconnectWithoutBackoff, finding, finding.Traits.Describe()));

    /// <summary>IRetryPolicy.NextRetryDelay that never returns null (never gives up) and returns a weak delay.</summary>
    internal static void AnalyzeRetryPolicy(OperationAnalysisContext context, WebSocketApis apis)
    {
        if (context.ContainingSymbol is not IMethodSymbol method || !ImplementsNextRetryDelay(apis, method))
        {
            return;
        }

        var returned = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var descendant in context.Operation.DescendantsOutsideFunctions())
        {
            if (descendant is not IReturnOperation { ReturnedValue: { } value })
            {
                continue;
            }

            var unwrapped = value.WithoutConversions();
            if (unwrapped.ConstantValue is { HasValue: true, Value: null } || unwrapped is IDefaultValueOperation)
            {
                return;
            }

            if (DelayClassifier.Classify(apis, unwrapped).IsAcceptable() || unwrapped is IConditionalOperation or ICoalesceOperation)
            {
                return;
            }

            returned.Add(unwrapped);
        }

        foreach (var value in returned)
        {
            context.Report(Diagnostic.Create(
                Descriptors.WS1002ReconnectWithoutBackoff, value.Syntax.GetLocation(), "NextRetryDelay", DelayClassifier.Classify(apis, value).Describe()));
        }
    }

    private static bool ImplementsNextRetryDelay(WebSocketApis apis, IMethodSymbol method)
    {
        foreach (var member in apis.RetryPolicy!.GetMembers("NextRetryDelay"))
        {
            foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
            {
                if (SymbolEqualityComparer.Default.Equals(explicitImplementation.OriginalDefinition, member))
                {
                    return true;
                }
            }

            if (method.Name == member.Name &&
                SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
            {
                return true;
            }
        }

        return false;
    }
}
