using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>One System.Net.WebSockets <c>ReceiveAsync</c>: the socket, the variables its bytes land in and the variable
/// its result is kept in.</summary>
internal sealed class ReceiveSite
{
    private ReceiveSite(IInvocationOperation invocation, IOperation? socket, IOperation value, ISymbol? result, ImmutableArray<ISymbol> buffers)
    {
        Invocation = invocation;
        Socket = socket;
        Value = value;
        Result = result;
        Buffers = buffers;
    }

    public IInvocationOperation Invocation { get; }

    public IOperation? Socket { get; }

    /// <summary>What has the result's value: the <c>await</c>, <c>.Result</c> or <c>GetAwaiter().GetResult()</c> around the
    /// call (through <c>ConfigureAwait</c>), or the call itself.</summary>
    public IOperation Value { get; }

    /// <summary>The local, field or parameter the result is stored in; null when it is used in place or dropped.</summary>
    public ISymbol? Result { get; }

    /// <summary>The variables the received bytes are written to (<c>buffer</c> for <c>new ArraySegment&lt;byte&gt;(buffer)</c>,
    /// also <c>buffer</c> when the argument is a local <c>segment</c> that wraps it).</summary>
    public ImmutableArray<ISymbol> Buffers { get; }

    public int Position => Invocation.Syntax.SpanStart;

    /// <summary>The receive, when <paramref name="call"/> is one on a System.Net.WebSockets socket.</summary>
    public static ReceiveSite? Create(WebSocketCall call, LocalValues locals)
    {
        if (call.Kind != WebSocketCallKind.Receive || call.Library != SocketLibrary.SystemNet)
        {
            return null;
        }

        var invocation = call.Invocation;
        var value = ValueOf(invocation);
        var result = value.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment when assignment.Value == value => assignment.Target.ReferencedSymbol(),
            _ => null,
        };

        var buffers = new List<ISymbol>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                AddRoots(argument.Value, locals, buffers, depth: 0);
            }
        }

        return new ReceiveSite(invocation, call.Socket, value, result, buffers.ToImmutableArray());
    }

    /// <summary>The receive's value as the code sees it: through ConfigureAwait, await, .Result and GetAwaiter().GetResult().</summary>
    public static IOperation ValueOf(IInvocationOperation receive)
    {
        IOperation current = receive;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IAwaitOperation:
                    current = parent;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" } call when call.Instance == current:
                    current = parent;
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Result" } property when property.Instance == current:
                    current = parent;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "GetAwaiter", Parent: IInvocationOperation { TargetMethod.Name: "GetResult" } getResult } awaiter
                    when awaiter.Instance == current:
                    current = getResult;
                    continue;
            }

            break;
        }

        return current;
    }

    /// <summary>The variables an expression of received bytes is rooted in, through wrappers and the locals that hold them.</summary>
    public static void AddRoots(IOperation? operation, LocalValues locals, List<ISymbol> roots, int depth)
    {
        if (depth > 4)
        {
            return;
        }

        switch (operation?.WithoutConversions())
        {
            case ILocalReferenceOperation local:
                if (!Contains(roots, local.Local))
                {
                    roots.Add(local.Local);
                    foreach (var value in locals.Of(local.Local))
                    {
                        AddRoots(value, locals, roots, depth + 1);
                    }
                }

                break;
            case IParameterReferenceOperation parameter:
                AddOnce(roots, parameter.Parameter);
                break;
            case IFieldReferenceOperation field:
                AddOnce(roots, field.Field);
                break;
            case IPropertyReferenceOperation { Arguments.Length: 0 } property when !ByteWrappers.IsArrayOfSegment(property):
                AddOnce(roots, property.Property);
                break;
            case IPropertyReferenceOperation property:
                AddRoots(property.Instance, locals, roots, depth + 1);
                break;
            case IObjectCreationOperation creation when ByteWrappers.IsWrapperType(creation.Type) && creation.Arguments.Length > 0:
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        AddRoots(argument.Value, locals, roots, depth + 1);
                    }
                }

                break;
            case IInvocationOperation invocation when ByteWrappers.IsWrapperCall(invocation):
                AddRoots(ByteWrappers.Wrapped(invocation), locals, roots, depth + 1);
                break;
        }
    }

    private static void AddOnce(List<ISymbol> roots, ISymbol symbol)
    {
        if (!Contains(roots, symbol))
        {
            roots.Add(symbol);
        }
    }

    public static bool Contains(List<ISymbol> symbols, ISymbol? symbol)
    {
        if (symbol is null)
        {
            return false;
        }

        // An index loop: a foreach over the list through an interface boxed an enumerator per question.
        for (var i = 0; i < symbols.Count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(symbols[i], symbol))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Contains(ImmutableArray<ISymbol> symbols, ISymbol? symbol)
    {
        if (symbol is null)
        {
            return false;
        }

        foreach (var candidate in symbols)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, symbol))
            {
                return true;
            }
        }

        return false;
    }
}
