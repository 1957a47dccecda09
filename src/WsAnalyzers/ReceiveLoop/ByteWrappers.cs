using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// Expressions that only re-wrap received bytes without using them: <c>new ArraySegment&lt;byte&gt;(buffer, 0, n)</c>,
/// <c>buffer.AsMemory()</c>, <c>segment.Slice(0, n)</c>, <c>segment.Array</c>, <c>buffer.Take(n).ToArray()</c>. The
/// receive-loop rules look through them to the buffer underneath, and past them to what finally uses the bytes.
/// </summary>
internal static class ByteWrappers
{
    /// <summary>ArraySegment, Memory, ReadOnlyMemory, Span and ReadOnlySpan of any element type.</summary>
    public static bool IsWrapperType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true, Arity: 1 } named &&
        named.Name is "ArraySegment" or "Memory" or "ReadOnlyMemory" or "Span" or "ReadOnlySpan" &&
        named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>A call that returns a view or a copy of the bytes it is given (on its instance or, for extension methods,
    /// its first argument).</summary>
    public static bool IsWrapperCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("AsMemory" or "AsSpan" or "Slice" or "ToArray" or "Take" or "Skip" or "ToList" or "AsEnumerable" or "GetMemory" or "GetSpan"))
        {
            return false;
        }

        var type = method.ContainingType;
        return IsWrapperType(type) ||
               type?.ContainingNamespace is { Name: "System" or "Linq" or "Buffers" } ||
               method.IsExtensionMethod;
    }

    /// <summary>The bytes a wrapper call wraps: its instance, or the first argument of an extension method.</summary>
    public static IOperation? Wrapped(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    /// <summary><c>segment.Array</c>: the array under an ArraySegment.</summary>
    public static bool IsArrayOfSegment(IPropertyReferenceOperation property) =>
        property.Property.Name == "Array" && IsWrapperType(property.Property.ContainingType);

    /// <summary><c>segment.Array</c> or <c>memory.Span</c>: the same bytes seen through another type.</summary>
    public static bool IsViewProperty(IPropertyReferenceOperation property) =>
        property.Property.Name is "Array" or "Span" && IsWrapperType(property.Property.ContainingType);

    /// <summary><c>span[..n]</c>, <c>memory[start..end]</c>: a range of a wrapper, which C# turns into a Slice call.</summary>
    public static bool IsRangeOfWrapper(IImplicitIndexerReferenceOperation indexer) =>
        indexer.IndexerSymbol is IMethodSymbol { Name: "Slice" } && IsWrapperType(indexer.Instance.Type);
}
