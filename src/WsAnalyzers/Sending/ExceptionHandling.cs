using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>Answers "is this operation inside a try whose catch handles the given exception" within its own function.</summary>
internal static class ExceptionHandling
{
    public static bool IsHandled(WebSocketApis apis, IOperation operation, INamedTypeSymbol? thrown)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            // A local function is part of the function it is declared in (it is only visible, so only called, inside the try).
            if (parent is IAnonymousFunctionOperation)
            {
                return false;
            }

            if (parent is ITryOperation @try && child == @try.Body)
            {
                foreach (var @catch in @try.Catches)
                {
                    if (Covers(apis, @catch.ExceptionType, thrown))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Like <see cref="IsHandled"/>, but only a try between the operation and <paramref name="boundary"/> (a loop, a
    /// lambda) counts: a catch outside a broadcast loop does not keep the loop going.</summary>
    public static bool IsHandledWithin(WebSocketApis apis, IOperation operation, INamedTypeSymbol? thrown, IOperation boundary)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null && parent != boundary; child = parent, parent = parent.Parent)
        {
            if (parent is ITryOperation @try && child == @try.Body)
            {
                foreach (var @catch in @try.Catches)
                {
                    if (Covers(apis, @catch.ExceptionType, thrown))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Covers(WebSocketApis apis, ITypeSymbol? caught, INamedTypeSymbol? thrown)
    {
        if (caught is null || caught.SpecialType == SpecialType.System_Object || caught.IsType(apis.Exception))
        {
            return true;
        }

        return thrown is not null && thrown.IsOrInheritsFrom(caught as INamedTypeSymbol);
    }
}
