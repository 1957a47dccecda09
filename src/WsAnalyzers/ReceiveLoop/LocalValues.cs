using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>The values written to each local of a function (initializers and plain assignments, nested lambdas included):
/// what the receive-loop rules follow to see that <c>segment</c> wraps <c>buffer</c> or that <c>copy</c> holds received bytes.
/// Kept as flat lists (a function has few locals): the locals in the order they are first written, and each value with
/// the index of the next value of the same local.</summary>
internal sealed class LocalValues
{
    private readonly List<(ILocalSymbol Local, int First, int Last)> _locals = new();
    private readonly List<(IOperation Value, int Next)> _values = new();

    /// <summary>How many locals are given a value somewhere in the function.</summary>
    public int Count => _locals.Count;

    /// <summary>The local at <paramref name="index"/>, in the order of their first values.</summary>
    public ILocalSymbol LocalAt(int index) => _locals[index].Local;

    /// <summary>The values of <paramref name="local"/>, in the order they are written.</summary>
    public Values Of(ILocalSymbol local) => new(this, IndexOf(local) is var index and >= 0 ? _locals[index].First : -1);

    /// <summary>The values of the local at <paramref name="index"/>.</summary>
    public Values OfLocalAt(int index) => new(this, _locals[index].First);

    /// <summary>Records a value the walk of <see cref="ReceiveFunction.Scan"/> found, in walk order.</summary>
    public void Add(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.VariableDeclarator:
                var declarator = (IVariableDeclaratorOperation)operation;
                var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                if (initializer is not null)
                {
                    Add(declarator.Symbol, initializer.Value);
                }

                break;
            case OperationKind.SimpleAssignment:
                var assignment = (ISimpleAssignmentOperation)operation;
                if (assignment.Target is ILocalReferenceOperation local)
                {
                    Add(local.Local, assignment.Value);
                }

                break;
        }
    }

    private int IndexOf(ILocalSymbol local)
    {
        for (var i = _locals.Count - 1; i >= 0; i--)
        {
            if (SymbolEqualityComparer.Default.Equals(_locals[i].Local, local))
            {
                return i;
            }
        }

        return -1;
    }

    private void Add(ILocalSymbol local, IOperation value)
    {
        var valueIndex = _values.Count;
        _values.Add((value, -1));
        var index = IndexOf(local);
        if (index < 0)
        {
            _locals.Add((local, valueIndex, valueIndex));
        }
        else
        {
            var entry = _locals[index];
            _values[entry.Last] = (_values[entry.Last].Value, valueIndex);
            _locals[index] = (entry.Local, entry.First, valueIndex);
        }
    }

    /// <summary>The values of one local, without a list per local.</summary>
    public readonly struct Values
    {
        private readonly LocalValues _owner;
        private readonly int _first;

        public Values(LocalValues owner, int first)
        {
            _owner = owner;
            _first = first;
        }

        public bool IsEmpty => _first < 0;

        public Enumerator GetEnumerator() => new(_owner, _first);

        public struct Enumerator
        {
            private readonly LocalValues _owner;
            private int _next;
            private IOperation? _current;

            public Enumerator(LocalValues owner, int first)
            {
                _owner = owner;
                _next = first;
                _current = null;
            }

            public IOperation Current => _current!;

            public bool MoveNext()
            {
                if (_next < 0)
                {
                    return false;
                }

                (_current, _next) = _owner._values[_next];
                return true;
            }
        }
    }
}
