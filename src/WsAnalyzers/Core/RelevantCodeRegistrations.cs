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
        var (dispatch, kinds) = OneOperationAction(_operationActions);
        var blockStartActions = _blockStartActions.ToArray();
        _inner.RegisterSymbolStartAction(
            type =>
            {
                if (!relevance.IsRelevant(type.Symbol))
                {
                    return;
                }

                if (dispatch is not null)
                {
                    type.RegisterOperationAction(dispatch, kinds);
                }

                foreach (var action in blockStartActions)
                {
                    type.RegisterOperationBlockStartAction(action);
                }
            },
            SymbolKind.NamedType);
    }

    /// <summary>
    /// The family's operation actions as one action on all their kinds, which calls those registered for an operation's
    /// kind in the order they were registered (as the driver would): each registration on a type's start context costs
    /// the driver an allocation and a copy of the actions registered before it, per type, per family.
    /// </summary>
    private static (Action<OperationAnalysisContext>? Dispatch, ImmutableArray<OperationKind> Kinds) OneOperationAction(
        List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> registered)
    {
        if (registered.Count == 0)
        {
            return (null, ImmutableArray<OperationKind>.Empty);
        }

        if (registered.Count == 1)
        {
            return (registered[0].Action, registered[0].Kinds);
        }

        var byKind = new Dictionary<OperationKind, List<Action<OperationAnalysisContext>>>();
        var kinds = ImmutableArray.CreateBuilder<OperationKind>();
        var highest = 0;
        foreach (var (action, actionKinds) in registered)
        {
            foreach (var kind in actionKinds)
            {
                if (!byKind.TryGetValue(kind, out var actions))
                {
                    byKind[kind] = actions = new List<Action<OperationAnalysisContext>>();
                    kinds.Add(kind);
                    highest = Math.Max(highest, (int)kind);
                }

                actions.Add(action);
            }
        }

        var table = new Action<OperationAnalysisContext>[highest + 1][];
        foreach (var pair in byKind)
        {
            table[(int)pair.Key] = pair.Value.ToArray();
        }

        return (context =>
        {
            foreach (var action in table[(int)context.Operation.Kind])
            {
                action(context);
            }
        }, kinds.ToImmutable());
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
