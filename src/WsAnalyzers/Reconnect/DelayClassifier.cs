using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Classifies a delay expression (the argument of Task.Delay / Thread.Sleep, or a value an IRetryPolicy returns):
/// does it draw on randomness, does it grow with the attempt count, or does it come from something the analyzer cannot
/// see? Locals are followed to every value assigned to them in their function, methods of the same type to their
/// returned values, a few levels deep and cycle-safe.
/// </summary>
internal static class DelayClassifier
{
    private const int MaxDepth = 6;

    public static DelayTraits Classify(WebSocketApis apis, IOperation amount) =>
        new Walker(apis).Visit(amount, 0);

    private sealed class Walker
    {
        private readonly WebSocketApis _apis;
        private readonly HashSet<ISymbol> _visitedSymbols = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IMethodSymbol> _visitedMethods = new(SymbolEqualityComparer.Default);
        private readonly List<int> _spellings = new();
        private readonly Stack<IOperation> _stack = new();

        public Walker(WebSocketApis apis) => _apis = apis;

        public DelayTraits Visit(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxDepth)
            {
                return DelayTraits.Unknown;
            }

            operation = operation.WithoutConversions();
            if (operation.ConstantValue.HasValue)
            {
                return DelayTraits.None;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    return VisitInvocation(invocation, depth);
                case IObjectCreationOperation creation when creation.Type.IsType(_apis.TimeSpan):
                    return VisitAll(creation.Arguments, depth);
                case IObjectCreationOperation creation when creation.Type.IsOrInheritsFrom(_apis.Random):
                    return DelayTraits.Random;
                case IBinaryOperation binary:
                    var traits = Either(binary.LeftOperand, binary.RightOperand, depth + 1);
                    if (binary.OperatorKind == BinaryOperatorKind.LeftShift && !binary.RightOperand.ConstantValue.HasValue)
                    {
                        traits |= DelayTraits.Growth;
                    }

                    return traits;
                case IUnaryOperation unary:
                    return Visit(unary.Operand, depth + 1);
                case IConditionalOperation conditional:
                    return Either(conditional.WhenTrue, conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return Either(coalesce.Value, coalesce.WhenNull, depth + 1);
                case IIncrementOrDecrementOperation:
                    return DelayTraits.Growth;
                case ILocalReferenceOperation local:
                    return VisitLocal(local, depth);
                case IFieldReferenceOperation field:
                    return VisitField(field, depth);
                case IPropertyReferenceOperation property:
                    return VisitProperty(property, depth);
                case IParameterReferenceOperation:
                    return DelayTraits.Unknown;
                case IDefaultValueOperation:
                    return DelayTraits.None;
                default:
                    return DelayTraits.Unknown;
            }
        }

        /// <summary>Both sides' traits; the second side is not walked when the first is already acceptable (more traits
        /// never make a delay unacceptable).</summary>
        private DelayTraits Either(IOperation first, IOperation? second, int depth)
        {
            var traits = Visit(first, depth);
            return traits.IsAcceptable() ? traits : traits | Visit(second, depth);
        }

        private DelayTraits VisitAll(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int depth)
        {
            var traits = DelayTraits.None;
            foreach (var argument in arguments)
            {
                traits |= Visit(argument.Value, depth + 1);
                if (traits.IsAcceptable())
                {
                    break;
                }
            }

            return traits;
        }

        private DelayTraits VisitInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type.IsOrInheritsFrom(_apis.Random) || type.IsOrInheritsFrom(_apis.RandomNumberGenerator))
            {
                // random.Next(0, ceiling): the bound may be what grows.
                return DelayTraits.Random | VisitAll(invocation.Arguments, depth);
            }

            if (type.IsType(_apis.Math) || type.IsType(_apis.TimeSpan) || IsNumeric(type))
            {
                var traits = VisitAll(invocation.Arguments, depth);
                if (invocation.Instance is { } instance)
                {
                    traits |= Visit(instance, depth + 1);
                }

                if (method.Name == "Pow" && type.IsType(_apis.Math) && invocation.Arguments.Length == 2 &&
                    !invocation.Arguments[1].Value.ConstantValue.HasValue)
                {
                    traits |= DelayTraits.Growth;
                }

                return traits;
            }

            if (method.MethodKind != MethodKind.DelegateInvoke &&
                SourceCalls.CalleeBody(invocation, _visitedMethods) is { } body)
            {
                var traits = DelayTraits.None;
                var any = false;
                foreach (var descendant in body.DescendantsOutsideFunctions())
                {
                    if (descendant is IReturnOperation { ReturnedValue: { } value })
                    {
                        traits |= Visit(value, depth + 1);
                        any = true;
                    }
                }

                return any ? traits : DelayTraits.Unknown;
            }

            return DelayTraits.Unknown;
        }

        private DelayTraits VisitProperty(IPropertyReferenceOperation property, int depth)
        {
            var symbol = property.Property;
            var type = symbol.ContainingType;
            if (type.IsType(_apis.SignalRRetryContext) && symbol.Name is "PreviousRetryCount" or "ElapsedTime")
            {
                return DelayTraits.Growth;
            }

            if (type.IsOrInheritsFrom(_apis.Random))
            {
                return DelayTraits.Random;
            }

            if (type.IsType(_apis.TimeSpan) && property.Instance is { } instance)
            {
                return Visit(instance, depth + 1);
            }

            return DelayTraits.Unknown;
        }

        private DelayTraits VisitField(IFieldReferenceOperation reference, int depth)
        {
            var field = reference.Field;
            if (field.IsConst || field.IsReadOnly)
            {
                return field.Type.IsOrInheritsFrom(_apis.Random) ? DelayTraits.Random : DelayTraits.None;
            }

            if (field.Type.IsOrInheritsFrom(_apis.Random))
            {
                return DelayTraits.Random;
            }

            // A mutable field: an attempt counter when the function that reads it also increments it; otherwise it may be
            // set anywhere, so it gets the benefit of the doubt.
            if (!_visitedSymbols.Add(field))
            {
                return DelayTraits.None;
            }

            var traits = DelayTraits.Unknown;
            foreach (var descendant in WritesOf(Root(reference), field))
            {
                if (WritesTo(descendant, field, out var value, out var grows))
                {
                    if (grows)
                    {
                        return DelayTraits.Growth | (value is null ? DelayTraits.None : Visit(value, depth + 1) & ~DelayTraits.Unknown);
                    }
                }
            }

            return traits;
        }

        private DelayTraits VisitLocal(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            if (!_visitedSymbols.Add(local))
            {
                // A local that feeds its own next value (delay = delay * 2): what matters is the rest of the expression.
                return DelayTraits.None;
            }

            var traits = DelayTraits.None;
            var any = false;
            foreach (var descendant in WritesOf(Root(reference), local))
            {
                if (descendant is IVariableDeclaratorOperation declarator &&
                    SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    var initializer = declarator.GetVariableInitializer()?.Value;
                    if (initializer is not null)
                    {
                        traits |= Visit(initializer, depth + 1);
                        any = true;
                    }
                }
                else if (WritesTo(descendant, local, out var value, out var grows))
                {
                    traits |= grows ? DelayTraits.Growth : DelayTraits.None;
                    if (value is not null)
                    {
                        traits |= Visit(value, depth + 1);
                    }

                    any = true;
                }
            }

            return any ? traits : DelayTraits.Unknown;
        }

        /// <summary>The declarators of and writes to <paramref name="symbol"/> in <paramref name="root"/> (lambdas and local
        /// functions included), in the order of <see cref="OperationTraversal.DescendantsAndSelfIncludingFunctions"/>. Every
        /// such write spells the symbol's name within its syntax, and so does every operation around it: the walk enters
        /// only the operations whose source spells the name (found once in the root's text), instead of the whole function,
        /// and keeps the order of the full walk. A root whose identifiers may be spelled differently (a Unicode escape or a
        /// formatting character) is walked whole.</summary>
        private List<IOperation> WritesOf(IOperation root, ISymbol symbol)
        {
            var name = symbol.Name;
            var syntax = root.Syntax;
            _spellings.Clear();
            var whole = name.Length == 0 || SourceSpans.MaySpellIdentifiersDifferently(syntax);
            if (!whole)
            {
                var text = SourceSpans.TextOf(syntax.SyntaxTree);
                var span = syntax.Span;
                for (var at = text.IndexOf(name, span.Start, span.Length, StringComparison.Ordinal); at >= 0;
                     at = text.IndexOf(name, at + 1, span.End - at - 1, StringComparison.Ordinal))
                {
                    _spellings.Add(at);
                }

                if (_spellings.Count == 0)
                {
                    return NoWrites;
                }
            }

            List<IOperation>? writes = null;
            var stack = _stack;
            stack.Clear();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var child in current.ChildOperations)
                {
                    // The full span (trivia included) is a field and a width; the span without trivia walks down to the
                    // node's first and last tokens. A name spelled in trivia only makes the walk enter one node more.
                    if (whole || SpellsName(child.Syntax.FullSpan, name.Length))
                    {
                        stack.Push(child);
                    }
                }

                if (SymbolEqualityComparer.Default.Equals(Written(current), symbol))
                {
                    (writes ??= new List<IOperation>()).Add(current);
                }
            }

            return writes ?? NoWrites;
        }

        private bool SpellsName(TextSpan span, int length)
        {
            foreach (var at in _spellings)
            {
                if (at >= span.Start && at + length <= span.End)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The symbol a declarator declares or a write writes; null for other operations.</summary>
        private static ISymbol? Written(IOperation operation) =>
            // The kind first: one virtual call, where the type tests below are four interface casts per operation.
            operation.Kind switch
            {
                OperationKind.VariableDeclarator => ((IVariableDeclaratorOperation)operation).Symbol,
                OperationKind.Increment or OperationKind.Decrement => ((IIncrementOrDecrementOperation)operation).Target.ReferencedSymbol(),
                OperationKind.CompoundAssignment => ((ICompoundAssignmentOperation)operation).Target.ReferencedSymbol(),
                OperationKind.SimpleAssignment => ((ISimpleAssignmentOperation)operation).Target.ReferencedSymbol(),
                _ => null,
            };

        private static readonly List<IOperation> NoWrites = new();

        /// <summary>Assignments to <paramref name="symbol"/>; <paramref name="grows"/> for ++, += and *=-style writes.</summary>
        private static bool WritesTo(IOperation operation, ISymbol symbol, out IOperation? value, out bool grows)
        {
            value = null;
            grows = false;
            switch (operation)
            {
                case IIncrementOrDecrementOperation increment when Names(increment.Target, symbol):
                    grows = true;
                    return true;
                case ICompoundAssignmentOperation compound when Names(compound.Target, symbol):
                    grows = compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Multiply or BinaryOperatorKind.LeftShift;
                    value = compound.Value;
                    return true;
                case ISimpleAssignmentOperation assignment when Names(assignment.Target, symbol):
                    value = assignment.Value;
                    grows = References(assignment.Value, symbol);
                    return true;
                default:
                    return false;
            }
        }

        private static bool Names(IOperation target, ISymbol symbol) =>
            SymbolEqualityComparer.Default.Equals(target.ReferencedSymbol(), symbol);

        private static bool References(IOperation operation, ISymbol symbol)
        {
            foreach (var descendant in operation.DescendantsAndSelfIncludingFunctions())
            {
                if (Names(descendant, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        private static bool IsNumeric(INamedTypeSymbol? type) =>
            type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Single;
    }

    /// <summary>Exponential (or at least growing) backoff with jitter, or a delay the analyzer cannot judge.</summary>
    public static bool IsAcceptable(this DelayTraits traits) =>
        (traits & DelayTraits.Unknown) != 0 || (traits & (DelayTraits.Random | DelayTraits.Growth)) == (DelayTraits.Random | DelayTraits.Growth);

    /// <summary>What the delay is, for messages: "is constant", "is random but ...", "grows without jitter".</summary>
    public static string Describe(this DelayTraits traits) =>
        (traits & (DelayTraits.Random | DelayTraits.Growth)) switch
        {
            DelayTraits.Random => "is random but does not grow with the attempt count",
            DelayTraits.Growth => "grows without jitter",
            _ => "is constant",
        };
}
