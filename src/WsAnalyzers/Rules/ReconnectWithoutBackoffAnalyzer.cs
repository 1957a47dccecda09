using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Infrastructure;

namespace WsAnalyzers.Rules;

/// <summary>WS1002: the delay before a reconnect is constant, random without growth or growing without jitter; and a
/// SignalR IRetryPolicy that never gives up and returns such a delay.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReconnectWithoutBackoffAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WS1002ReconnectWithoutBackoff);

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        if (!ReconnectDiagnostics.HasClientApi(apis))
        {
            return;
        }

        RegisterOperationAction(context, c => AnalyzeInvocation(c, apis), OperationKind.Invocation);
        if (apis.RetryPolicy is not null)
        {
            RegisterOperationAction(context, c => AnalyzeRetryPolicy(c, apis), OperationKind.MethodBody);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WebSocketApis apis)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (apis.TryAnalyzeReconnect(invocation, context.ContainingSymbol, out var finding) && finding.Verdict == ReconnectVerdict.NoBackoffWithJitter)
        {
            context.Report(ReconnectDiagnostics.Create(apis, Descriptors.WS1002ReconnectWithoutBackoff, finding, finding.Traits.Describe()));
        }
    }

    /// <summary>IRetryPolicy.NextRetryDelay that never returns null (never gives up) and returns a weak delay.</summary>
    private static void AnalyzeRetryPolicy(OperationAnalysisContext context, WebSocketApis apis)
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

            if (apis.Classify(unwrapped).IsAcceptable() || unwrapped is IConditionalOperation or ICoalesceOperation)
            {
                return;
            }

            returned.Add(unwrapped);
        }

        foreach (var value in returned)
        {
            context.Report(Diagnostic.Create(
                Descriptors.WS1002ReconnectWithoutBackoff, value.Syntax.GetLocation(), "NextRetryDelay", apis.Classify(value).Describe()));
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
