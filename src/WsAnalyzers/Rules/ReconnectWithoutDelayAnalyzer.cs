using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Infrastructure;

namespace WsAnalyzers.Rules;

/// <summary>WS1001: a close / error handler, catch block, retry loop or recursive retry reconnects with no delay on the way.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReconnectWithoutDelayAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WS1001ReconnectWithoutDelay);

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        if (!ReconnectDiagnostics.HasClientApi(apis))
        {
            return;
        }

        RegisterOperationAction(context, c => Analyze(c, apis), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, WebSocketApis apis)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (apis.TryAnalyzeReconnect(invocation, context.ContainingSymbol, out var finding) && finding.Verdict == ReconnectVerdict.NoDelay)
        {
            context.Report(ReconnectDiagnostics.Create(apis, Descriptors.WS1001ReconnectWithoutDelay, finding, ReconnectDiagnostics.Describe(finding.Path.Kind)));
        }
    }
}
