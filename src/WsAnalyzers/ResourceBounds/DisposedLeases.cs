using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// A registration that returns a lease: <c>using var lease = registry.Register(connection);</c>, or a lease stored in a
/// local that a finally block of the function disposes. Disposing the lease is how such a registry removes the
/// connection, and a using or finally runs however the connection ends.
/// </summary>
internal static class DisposedLeases
{
    public static bool DisposedOnEveryPath(IOperation registration, IOperation function)
    {
        if (registration is not IInvocationOperation { Type: { } type } || !IsDisposable(type))
        {
            return false;
        }

        var value = registration.Parent is IAwaitOperation awaited ? awaited : registration;
        var parent = value.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        ILocalSymbol? local = null;
        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                if (declarator.Parent?.Parent?.Parent is IUsingDeclarationOperation or IUsingOperation)
                {
                    return true;
                }

                local = declarator.Symbol;
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }:
                local = target.Local;
                break;
            case IUsingOperation:
                return true;
        }

        return local is not null && function.Descendants().OfType<ITryOperation>().Any(attempt =>
            attempt.Finally is { } cleanup && cleanup.Descendants().OfType<IInvocationOperation>().Any(call =>
                call.TargetMethod.Name is "Dispose" or "DisposeAsync" &&
                call.Instance?.WithoutConversions() is ILocalReferenceOperation disposed &&
                SymbolEqualityComparer.Default.Equals(disposed.Local, local)));
    }

    private static bool IsDisposable(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_IDisposable ||
        type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable || i.ToDisplayString() == "System.IAsyncDisposable") ||
        type.ToDisplayString() == "System.IAsyncDisposable";
}
