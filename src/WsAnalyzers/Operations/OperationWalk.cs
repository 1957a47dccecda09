using System.Collections;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Operations;

/// <summary>See <see cref="OperationTraversal.DescendantsOutsideFunctions"/>. Meant for <c>foreach</c>; LINQ works through
/// the boxed interface.</summary>
internal readonly struct OperationWalk : IEnumerable<IOperation>
{
    private readonly IOperation _root;
    private readonly bool _includeFunctions;

    public OperationWalk(IOperation root, bool includeFunctions)
    {
        _root = root;
        _includeFunctions = includeFunctions;
    }

    public Enumerator GetEnumerator() => new(_root, _includeFunctions);

    IEnumerator<IOperation> IEnumerable<IOperation>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal struct Enumerator : IEnumerator<IOperation>
    {
        private readonly bool _includeFunctions;
        private Stack<IOperation>? _stack;
        private IOperation? _current;

        public Enumerator(IOperation root, bool includeFunctions)
        {
            _includeFunctions = includeFunctions;
            _stack = StackPool.Rent();
            _stack.Push(root);
            _current = null;
        }

        public IOperation Current => _current!;

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_stack is not { Count: > 0 } stack)
            {
                return false;
            }

            var current = stack.Pop();
            foreach (var child in current.ChildOperations)
            {
                // The kind, not a type pattern: two interface casts per child were a good part of every walk.
                if (_includeFunctions || child.Kind is not (OperationKind.AnonymousFunction or OperationKind.LocalFunction))
                {
                    stack.Push(child);
                }
            }

            _current = current;
            return true;
        }

        public void Reset() => throw new System.NotSupportedException();

        public void Dispose()
        {
            if (_stack is { } stack)
            {
                _stack = null;
                StackPool.Return(stack);
            }
        }
    }

    /// <summary>A few stacks per thread: walks nest (a walk inside a walk), rarely more than three deep.</summary>
    private static class StackPool
    {
        private const int Capacity = 4;

        [System.ThreadStatic]
        private static Stack<IOperation>[]? t_free;

        [System.ThreadStatic]
        private static int t_count;

        public static Stack<IOperation> Rent()
        {
            if (t_free is { } free && t_count > 0)
            {
                var stack = free[--t_count];
                free[t_count] = null!;
                return stack;
            }

            return new Stack<IOperation>(32);
        }

        public static void Return(Stack<IOperation> stack)
        {
            stack.Clear();
            var free = t_free ??= new Stack<IOperation>[Capacity];
            if (t_count < Capacity)
            {
                free[t_count++] = stack;
            }
        }
    }
}
