using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Core;

/// <summary>
/// The compilation-start context a family registers its actions on. Operation and operation-block-start actions are kept
/// back and registered per type (on its members' bodies and initializers; a nested type has its own start), and only
/// where <see cref="WebSocketRelevance"/> says WebSocket code can be: one callback per type instead of one per
/// operation, or per method body, of the compilation, so in a large application the rules cost what its WebSocket
/// corner costs.
/// Every other registration goes straight through.
/// </summary>
internal sealed class RelevantCodeRegistrations : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext _inner;
    private readonly List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> _operationActions = new();
    private readonly List<Action<OperationBlockStartAnalysisContext>> _blockStartActions = new();

    // RS1012 expects a start context to be used for registrations; this one is kept and registered on by every method below.
#pragma warning disable RS1012
    public RelevantCodeRegistrations(CompilationStartAnalysisContext inner)
#pragma warning restore RS1012
        : base(inner.Compilation, inner.Options, inner.CancellationToken) =>
        _inner = inner;

    /// <summary>Registers the operation actions the family asked for, behind the relevance gate.</summary>
    public void Complete()
    {
        if (_operationActions.Count == 0 && _blockStartActions.Count == 0)
        {
            return;
        }

        var relevance = WebSocketRelevance.For(Compilation);
        var actions = _operationActions.ToArray();
        var blockStartActions = _blockStartActions.ToArray();
        _inner.RegisterSymbolStartAction(
            type =>
            {
                if (!relevance.IsRelevant(type.Symbol))
                {
                    return;
                }

                foreach (var (action, kinds) in actions)
                {
                    type.RegisterOperationAction(action, kinds);
                }

                foreach (var action in blockStartActions)
                {
                    type.RegisterOperationBlockStartAction(action);
                }
            },
            SymbolKind.NamedType);
    }

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
        _operationActions.Add((action, operationKinds));

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
        _inner.RegisterCompilationEndAction(action);

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
        _inner.RegisterSemanticModelAction(action);

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
        _inner.RegisterSymbolAction(action, symbolKinds);

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
        _inner.RegisterSymbolStartAction(action, symbolKind);

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
        _inner.RegisterCodeBlockStartAction(action);

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
        _inner.RegisterCodeBlockAction(action);

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
        _inner.RegisterSyntaxTreeAction(action);

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
        _inner.RegisterAdditionalFileAction(action);

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
        _inner.RegisterSyntaxNodeAction(action, syntaxKinds);

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
        _blockStartActions.Add(action);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
        _inner.RegisterOperationBlockAction(action);

}
