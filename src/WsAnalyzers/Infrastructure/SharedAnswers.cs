using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// An answer about one operation that a fixed number of rules ask for (WS1001 and WS1002 both ask for the reconnect
/// analysis of a call): the first asker computes it, and the entry is dropped after the last one has read it, so no
/// operation tree is kept past the analysis of its file. A plain locked dictionary: a ConditionalWeakTable entry (a
/// dependent handle) cost more than the lookup it saves.
/// </summary>
internal sealed class SharedAnswers<TAnswer>
{
    private readonly Dictionary<IOperation, (TAnswer Answer, int Reads)> _entries = new();
    private readonly int _askers;

    public SharedAnswers(int askers) => _askers = askers;

    public TAnswer Get<TState>(IOperation operation, TState state, Func<TState, TAnswer> compute)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(operation, out var entry))
            {
                if (entry.Reads + 1 >= _askers)
                {
                    _entries.Remove(operation);
                }
                else
                {
                    _entries[operation] = (entry.Answer, entry.Reads + 1);
                }

                return entry.Answer;
            }
        }

        var answer = compute(state);
        lock (_entries)
        {
            if (_entries.TryGetValue(operation, out var raced))
            {
                return raced.Answer;
            }

            if (_askers > 1)
            {
                _entries[operation] = (answer, 1);
            }
        }

        return answer;
    }
}
