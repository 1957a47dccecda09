using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>The values written to each local of a function (initializers and plain assignments, nested lambdas included):
/// what the receive-loop rules follow to see that <c>segment</c> wraps <c>buffer</c> or that <c>copy</c> holds received bytes.</summary>
internal sealed class LocalValues
{
    private static readonly IReadOnlyList<IOperation> None = new IOperation[0];
    private readonly Dictionary<ILocalSymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);

    private LocalValues()
    {
    }

    public static LocalValues Of(IOperation function)
    {
        var values = new LocalValues();
        foreach (var operation in function.DescendantsAndSelfIncludingFunctions())
        {
            switch (operation.Kind)
            {
                case OperationKind.VariableDeclarator:
                    var declarator = (IVariableDeclaratorOperation)operation;
                    var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                    if (initializer is not null)
                    {
                        values.Add(declarator.Symbol, initializer.Value);
                    }

                    break;
                case OperationKind.SimpleAssignment:
                    var assignment = (ISimpleAssignmentOperation)operation;
                    if (assignment.Target is ILocalReferenceOperation local)
                    {
                        values.Add(local.Local, assignment.Value);
                    }

                    break;
            }
        }

        return values;
    }

    /// <summary>Every local that is given a value somewhere in the function.</summary>
    public IEnumerable<ILocalSymbol> Locals => _values.Keys;

    public IReadOnlyList<IOperation> Of(ILocalSymbol local) => _values.TryGetValue(local, out var values) ? values : None;

    private void Add(ILocalSymbol local, IOperation value)
    {
        if (!_values.TryGetValue(local, out var list))
        {
            _values[local] = list = new List<IOperation>();
        }

        list.Add(value);
    }
}
