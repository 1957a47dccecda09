using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Apis;

internal sealed partial class WebSocketApis
{
    /// <summary>
    /// True when <paramref name="socket"/> holds the socket the accept call <paramref name="accept"/> hands out: the
    /// variable ASP.NET Core's <c>AcceptWebSocketAsync</c> result is stored in; for HttpListener, whose accept hands out a
    /// context, the <c>WebSocket</c> of that context (<c>(await ctx.AcceptWebSocketAsync(null)).WebSocket</c>, or
    /// <c>wsContext.WebSocket</c> read directly or through a local). System.Web's accept hands its socket to a callback
    /// (a handler: <c>HandlerRecognition</c>), not to a variable.
    /// </summary>
    public bool ReceivesAcceptedSocket(IInvocationOperation accept, IOperation? socket)
    {
        if (socket is null)
        {
            return false;
        }

        var (stored, isContext) = AcceptedInto(accept);
        if (stored is null)
        {
            return false;
        }

        var target = socket.ReferencedSymbol();
        if (!isContext)
        {
            return target is not null && SymbolEqualityComparer.Default.Equals(stored, target);
        }

        if (ContextSockets.IsSocketOf(socket, stored))
        {
            return true;
        }

        // socket = wsContext.WebSocket; later in the function that accepted.
        if (target is null || accept.EnclosingFunction() is not { } function)
        {
            return false;
        }

        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is ISimpleAssignmentOperation assignment && assignment.Value.WithoutConversions() is IPropertyReferenceOperation value &&
                ContextSockets.IsContextProperty(value, stored) && SymbolEqualityComparer.Default.Equals(assignment.Target.ReferencedSymbol(), target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local, field or property the accept's result is stored in, and whether that is a context (whose
    /// <c>WebSocket</c> is the socket) rather than the socket itself.</summary>
    private (ISymbol? Stored, bool IsContext) AcceptedInto(IInvocationOperation accept)
    {
        IOperation current = accept;
        while (current.Parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } wrapper && wrapper.Instance == current)
        {
            current = current.Parent;
        }

        var isContext = accept.TargetMethod.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } task && task.TypeArguments[0].IsOrInheritsFrom(WebSocketContext);
        if (isContext && current.Parent is { } parent && ContextSockets.IsSocketProperty(parent))
        {
            // (await ctx.AcceptWebSocketAsync(null)).WebSocket: the socket itself is stored.
            current = parent;
            isContext = false;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }
        }

        var stored = current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment when assignment.Value == current => assignment.Target.ReferencedSymbol(),
            _ => null,
        };
        return (stored, isContext);
    }
}
