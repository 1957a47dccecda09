using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// Classifies one reference to a collection-typed field, property or local: does the code around it add to the
/// collection, shrink it, read it, or hand it to code the rules cannot see.
/// </summary>
internal static class CollectionUses
{
    /// <summary>The kind of use, and the operation that performs it (the invocation, assignment or reference).</summary>
    public static CollectionUseKind Classify(IOperation reference, ISymbol containingSymbol, out IOperation use)
    {
        use = reference;
        var current = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation invocation when invocation.Instance == current:
                use = invocation;
                return KindOfMethod(invocation.TargetMethod.Name) ?? CollectionUseKind.Read;
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                use = invocation;
                return ForArgument(invocation.TargetMethod, argument, invocation.Arguments.Length > 0 && invocation.Arguments[0] == argument);
            case IArgumentOperation { Parent: IObjectCreationOperation creation }:
                use = creation;
                return IsFramework(creation.Constructor) ? CollectionUseKind.Read : CollectionUseKind.Escape;
            case IPropertyReferenceOperation property when property.Instance == current:
                return ForMemberOf(property, out use);
            case IMethodReferenceOperation method when method.Instance == current:
                use = method;
                return KindOfMethod(method.Method.Name) ?? CollectionUseKind.Read;
            case IForEachLoopOperation loop when loop.Collection == current:
            case ILockOperation:
            case INameOfOperation:
            case IIsPatternOperation:
            case IIsTypeOperation:
            case IBinaryOperation:
                return CollectionUseKind.Read;
            case IConditionalAccessOperation conditional when conditional.Operation == current:
                return ForConditionalAccess(conditional, out use);
            case ISimpleAssignmentOperation assignment when assignment.Target == current:
                use = assignment;
                return IsInitializer(containingSymbol, reference) ? CollectionUseKind.Initialization : CollectionUseKind.Removal;
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == current:
                use = coalesce;
                return CollectionUseKind.Initialization;
            default:
                return CollectionUseKind.Escape;
        }
    }

    /// <summary>The values an add stores: its arguments, or the index and value of an indexer assignment.</summary>
    public static System.Collections.Generic.IEnumerable<IOperation> AddedValues(IOperation add)
    {
        switch (add)
        {
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    if (argument != invocation.Arguments[0] || !invocation.TargetMethod.IsExtensionMethod)
                    {
                        yield return argument.Value;
                    }
                }

                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation indexer } assignment:
                foreach (var argument in indexer.Arguments)
                {
                    yield return argument.Value;
                }

                yield return assignment.Value;
                break;
        }
    }

    public static CollectionUseKind? KindOfMethod(string name) => name switch
    {
        "Add" or "TryAdd" or "AddOrUpdate" or "GetOrAdd" or "AddRange" or "Insert" or "InsertRange" or "Enqueue" or "Push" or
            "PushRange" or "AddFirst" or "AddLast" or "UnionWith" or "Append" or "AppendLine" or "AppendFormat" or "AppendJoin" =>
            CollectionUseKind.Add,
        "Remove" or "TryRemove" or "RemoveAll" or "RemoveWhere" or "RemoveAt" or "RemoveRange" or "RemoveFirst" or "RemoveLast" or
            "Clear" or "TryTake" or "Take" or "Dequeue" or "TryDequeue" or "Pop" or "TryPop" or "TryPopRange" or "ExceptWith" or
            "IntersectWith" or "SymmetricExceptWith" =>
            CollectionUseKind.Removal,
        _ => null,
    };

    private static CollectionUseKind ForArgument(IMethodSymbol method, IArgumentOperation argument, bool isFirst)
    {
        if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
        {
            return CollectionUseKind.Removal; // Interlocked.Exchange(ref _sockets, new()) and friends replace it
        }

        if (!IsFramework(method))
        {
            return CollectionUseKind.Escape;
        }

        return method.IsExtensionMethod && isFirst && KindOfMethod(method.Name) is { } kind ? kind : CollectionUseKind.Read;
    }

    private static CollectionUseKind ForMemberOf(IPropertyReferenceOperation property, out IOperation use)
    {
        use = property;
        var parent = property.Parent;
        if (parent is ISimpleAssignmentOperation assignment && assignment.Target == property)
        {
            use = assignment;
            if (property.Arguments.Length > 0)
            {
                return CollectionUseKind.Add; // dictionary[key] = value
            }

            return property.Property.Name == "Length" ? CollectionUseKind.Removal : CollectionUseKind.Read; // StringBuilder.Length = 0
        }

        return parent is ICompoundAssignmentOperation or IIncrementOrDecrementOperation && property.Property.Name == "Length"
            ? CollectionUseKind.Removal
            : CollectionUseKind.Read;
    }

    private static CollectionUseKind ForConditionalAccess(IConditionalAccessOperation conditional, out IOperation use)
    {
        use = conditional;
        if (conditional.WhenNotNull is IInvocationOperation { Instance: IConditionalAccessInstanceOperation } invocation)
        {
            use = invocation;
            return KindOfMethod(invocation.TargetMethod.Name) ?? CollectionUseKind.Read;
        }

        return CollectionUseKind.Read;
    }

    /// <summary>An assignment in a constructor of the declaring type, or in a field or property initializer.</summary>
    private static bool IsInitializer(ISymbol containingSymbol, IOperation reference)
    {
        var member = reference.ReferencedSymbol();
        return containingSymbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor =>
                member is not null && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, member.ContainingType),
            IFieldSymbol or IPropertySymbol => true,
            _ => false,
        };
    }

    /// <summary>Methods of the framework (System.*, Microsoft.*, from metadata) do not keep or shrink a collection they
    /// are handed; code of this compilation might.</summary>
    private static bool IsFramework(ISymbol? method)
    {
        if (method is null || method.Locations.Length == 0 || method.Locations[0].IsInSource)
        {
            return false;
        }

        var ns = method.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }
}
