using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Answers "is this socket variable given a new value in this stretch of code": an assignment (or a deconstruction,
/// ref or out argument) to the same local, parameter, field or property, directly or in a same-type method called
/// there (followed a few levels, cycle-safe).
/// </summary>
internal static class SocketReplacements
{
    /// <summary>True when <paramref name="socket"/> is assigned in <paramref name="root"/> by an operation that starts in
    /// [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static bool IsReplacedIn(IOperation root, IOperation socket, int from, int to) =>
        IsReplacedIn(root, socket, from, to, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));

    private static bool IsReplacedIn(IOperation root, IOperation socket, int from, int to, int depth, HashSet<IMethodSymbol> visited)
    {
        var member = socket.WithoutConversions() is IFieldReferenceOperation or IPropertyReferenceOperation;
        foreach (var descendant in root.DescendantsOutsideFunctions())
        {
            // Only assignments, ref / out arguments and calls can replace the socket; the kind is cheaper than the patterns.
            if (descendant.Kind is not (OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment or
                OperationKind.DeconstructionAssignment or OperationKind.Argument or OperationKind.Invocation))
            {
                continue;
            }

            var start = descendant.Syntax.SpanStart;
            if (start < from || start >= to)
            {
                continue;
            }

            switch (descendant)
            {
                case IAssignmentOperation assignment when Names(assignment.Target, socket, depth):
                    return true;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when Names(argument.Value, socket, depth):
                    return true;
                case IInvocationOperation invocation when member && depth < SourceCalls.MaxDepth &&
                                                         SourceCalls.CalleeBody(invocation, visited) is { } body:
                    if (IsReplacedIn(body, socket, int.MinValue, int.MaxValue, depth + 1, visited))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>In a followed method only the same field or property of <c>this</c> can be the socket.</summary>
    private static bool Names(IOperation target, IOperation socket, int depth) =>
        depth == 0
            ? SocketIdentity.AreSame(target, socket)
            : SymbolEqualityComparer.Default.Equals(target.ReferencedSymbol(), socket.ReferencedSymbol()) &&
              target.WithoutConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } or IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation };
}
