using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Operations;

/// <summary>Answers whether a fix may introduce an await at an operation.</summary>
internal static class AsyncRewrite
{
    /// <summary>True when the operation is inside a lock statement of its function (await is not allowed there).</summary>
    public static bool IsInLock(IOperation operation, IOperation function)
    {
        for (var current = operation.Parent; current is not null && current != function; current = current.Parent)
        {
            if (current is ILockOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a non-async lambda whose delegate returns void and has no ref parameters: an event-handler
    /// lambda, which may become an async lambda without changing what its caller sees.</summary>
    public static bool CanBecomeAsyncVoid(IOperation function)
    {
        if (function is not IAnonymousFunctionOperation { Symbol: { IsAsync: false, ReturnsVoid: true } lambda })
        {
            return false;
        }

        foreach (var parameter in lambda.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True for a synchronous method that may become <c>async Task</c> / <c>async Task&lt;T&gt;</c> without changing what its
    /// caller sees: a SignalR hub method (the hub awaits a returned task and sends its result), that returns void or a
    /// concrete non-task value by value (streams such as ChannelReader or IAsyncEnumerable are left alone), has no ref or
    /// out parameters, is no iterator, override, partial or interface
    /// implementation. The fixer also checks that no code calls it directly.
    /// </summary>
    public static bool CanBecomeAsyncTask(ThreadingApis threading, IMethodSymbol method)
    {
        if (method.IsAsync || method.IsOverride || method.IsAbstract || method.IsVirtual || method.IsStatic || method.ReturnsByRef ||
            method.ReturnsByRefReadonly || method.IsGenericMethod || !method.ExplicitInterfaceImplementations.IsEmpty ||
            method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null ||
            threading.IsTaskLike(method.ReturnType) || method.ReturnType.IsRefLikeType || IsIterator(method) || threading.TaskOfT is null ||
            method.ReturnType.TypeKind == TypeKind.Interface || method.ReturnType.IsAbstract)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType)
            {
                return false;
            }
        }

        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsIterator(IMethodSymbol method) =>
        method.ReturnType.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or
            SpecialType.System_Collections_Generic_IEnumerator_T or SpecialType.System_Collections_IEnumerable or SpecialType.System_Collections_IEnumerator;
}
