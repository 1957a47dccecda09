using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// WS2003 for a registration in an ordinary function (an ASP.NET Core handler, a manager's Add method): does a removal
/// of the collection run however the connection ends? The judgement follows the code after the registration into the
/// methods of the compilation it calls (a helper that runs the receive loop and removes afterwards; a manager's
/// RemoveSocket), a few calls deep, and, when the registering function neither removes nor runs the connection's
/// lifetime (a manager's AddSocket, a JoinGame that adds through it), up to the functions that call it with the
/// connection and then run the lifetime: the registering call there is the one reported.
/// </summary>
internal sealed class RegistrationPaths
{
    private const int MaxCallDepth = 4;
    private const int MaxWrapperDepth = 3;

    private readonly WebSocketApis _apis;
    private readonly CallGraph _calls;
    private readonly SourceBodies _bodies;
    private readonly ISymbol _member;
    private readonly HashSet<(SyntaxNode, OperationKind)> _removals = new();
    private readonly List<IOperation> _removalOperations = new();
    private readonly Dictionary<ISymbol, Walk> _walked = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _walking = new(SymbolEqualityComparer.Default);
    private readonly CancellationToken _cancellation;

    public RegistrationPaths(
        WebSocketApis apis, CallGraph calls, SourceBodies bodies, ISymbol member, IEnumerable<CollectionUse> removals, CancellationToken cancellation)
    {
        _apis = apis;
        _calls = calls;
        _bodies = bodies;
        _member = member.OriginalDefinition;
        _cancellation = cancellation;
        foreach (var removal in removals)
        {
            _removals.Add((removal.Operation.Syntax, removal.Operation.Kind));
            _removalOperations.Add(removal.Operation);
        }
    }

    /// <summary>A registration that is not removed on every path that ends its connection.</summary>
    internal sealed class Finding
    {
        public Finding(IOperation registration, List<IOperation> removalsToMove, string reason)
        {
            Registration = registration;
            RemovalsToMove = removalsToMove;
            Reason = reason;
        }

        /// <summary>The add, or the call of the method that adds.</summary>
        public IOperation Registration { get; }

        /// <summary>Removals (or calls that always remove) in the registering function, after the registration.</summary>
        public List<IOperation> RemovalsToMove { get; }

        public string Reason { get; }
    }

    /// <summary>What runs after a registration: the removal sites, and whether a WebSocket is received from (the lifetime).</summary>
    private sealed class Walk
    {
        public List<RemovalSite> Sites { get; } = new();

        public bool Receives { get; set; }
    }

    /// <summary>Judges the registration <paramref name="add"/>; <paramref name="removedElsewhere"/> says the collection has a
    /// removal somewhere, so that a function that runs the lifetime and never removes is a WS2003 (not a WS2001) case.</summary>
    public List<Finding> Judge(CollectionUse add, bool removedElsewhere)
    {
        var findings = new List<Finding>();
        if (add.Operation.EnclosingFunction() is not { } start)
        {
            return findings;
        }

        var seen = new HashSet<SyntaxNode>();
        var frontier = new List<(IOperation Registration, IOperation Function, ISymbol? Symbol)> { (add.Operation, start, SymbolOf(start, add.ContainingSymbol)) };
        for (var level = 0; level <= MaxWrapperDepth && frontier.Count > 0; level++)
        {
            var next = new List<(IOperation, IOperation, ISymbol?)>();
            foreach (var (registration, function, symbol) in frontier)
            {
                _cancellation.ThrowIfCancellationRequested();
                if (!seen.Add(registration.Syntax))
                {
                    continue;
                }

                if (level > 0 && DisposedLeases.DisposedOnEveryPath(registration, function))
                {
                    continue;
                }

                if (CoveredInFunction(function, registration.Syntax.Span.End))
                {
                    continue;
                }

                var walk = new Walk();
                WalkFunction(function, registration.Syntax.Span.End, Aliases(), MaxCallDepth, walk);
                if (walk.Sites.Any(site => site.Covers) || CleanupPaths.CoverTogether(_apis, walk.Sites.Select(site => site.Operation)))
                {
                    continue;
                }

                if (walk.Sites.Count > 0 && (walk.Receives || LivesAfter(function, registration)))
                {
                    var connection = NamesOf(registration);
                    var toMove = walk.Sites
                        .Where(site => site.Operation.EnclosingFunction() == function &&
                                       (!site.IsCall || (!site.Receives && NamesConnection((IInvocationOperation)site.Operation, connection))))
                        .Select(site => site.Operation)
                        .ToList();
                    findings.Add(new Finding(
                        registration, toMove, "the removal is skipped when the connection ends with an exception; remove it in a finally block"));
                    continue;
                }

                if (walk.Sites.Count == 0 && walk.Receives)
                {
                    if (removedElsewhere)
                    {
                        findings.Add(new Finding(
                            registration, new List<IOperation>(),
                            "nothing removes it when its connection ends, only code that runs at other times; remove it in a finally block"));
                    }

                    continue;
                }

                if (walk.Sites.Count == 0 && symbol is IMethodSymbol method && level < MaxWrapperDepth)
                {
                    AddCallers(method, next);
                }
            }

            frontier = next;
        }

        return findings;
    }

    /// <summary>A removal of the collection written in <paramref name="function"/> itself (not in a lambda or local
    /// function of it), at or after <paramref name="after"/>, that runs on every exit: the walk would find it as a
    /// covering site, so the registration is removed on every path without following any call.</summary>
    private bool CoveredInFunction(IOperation function, int after)
    {
        foreach (var removal in _removalOperations)
        {
            if (removal.Syntax.SpanStart >= after && removal.Syntax.SyntaxTree == function.Syntax.SyntaxTree &&
                function.Syntax.Span.Contains(removal.Syntax.Span) && removal.EnclosingFunction() == function &&
                CleanupPaths.RunsOnEveryExit(_apis, removal))
            {
                return true;
            }
        }

        return false;
    }

    private HashSet<ISymbol> Aliases() => new(SymbolEqualityComparer.Default) { _member };

    /// <summary>The calls of a registering method that hand it a connection, as registrations of their own functions.</summary>
    private void AddCallers(IMethodSymbol method, List<(IOperation, IOperation, ISymbol?)> next)
    {
        foreach (var (caller, syntax) in _calls.CallersOf(method))
        {
            if (_bodies.OperationOf(syntax, _cancellation) is IInvocationOperation call &&
                call.Arguments.Any(argument => ConnectionHandles.IsConnectionHandle(_apis, argument.Value)) &&
                call.EnclosingFunction() is { } function)
            {
                next.Add((call, function, SymbolOf(function, caller)));
            }
        }
    }

    private static ISymbol? SymbolOf(IOperation function, ISymbol containing) => function switch
    {
        ILocalFunctionOperation local => local.Symbol.OriginalDefinition,
        IAnonymousFunctionOperation => null,
        _ => containing.OriginalDefinition,
    };

    /// <summary>Collects the removal sites of <paramref name="function"/> that start at or after <paramref name="after"/>,
    /// following calls of source methods <paramref name="depth"/> deep and lambdas handed to Task.Run.</summary>
    private void WalkFunction(IOperation function, int after, HashSet<ISymbol> aliases, int depth, Walk walk)
    {
        foreach (var operation in function.DescendantsOutsideFunctions())
        {
            if (operation.Syntax.SpanStart < after)
            {
                continue;
            }

            if (IsRemoval(operation, aliases))
            {
                walk.Sites.Add(new RemovalSite(operation, isCall: false, CleanupPaths.RunsOnEveryExit(_apis, operation), receives: false));
                continue;
            }

            if (operation.Kind != OperationKind.Invocation)
            {
                continue;
            }

            var invocation = (IInvocationOperation)operation;
            if (_apis.IsReceive(invocation, out _))
            {
                walk.Receives = true;
                continue;
            }

            if (IsOffload(invocation))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value.WithoutConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        WalkFunction(lambda, after, aliases, depth, walk);
                    }
                }

                continue;
            }

            if (depth > 0 && Callee(invocation, aliases, depth - 1) is { } callee)
            {
                walk.Receives |= callee.Receives;
                if (callee.Sites.Count > 0)
                {
                    walk.Sites.Add(new RemovalSite(
                        invocation,
                        isCall: true,
                        CleanupPaths.RunsOnEveryExit(_apis, invocation) || callee.Sites.Any(site => site.Covers) ||
                        CleanupPaths.CoverTogether(_apis, callee.Sites.Select(site => site.Operation)),
                        callee.Receives));
                }
            }
        }
    }

    /// <summary>What the source method <paramref name="invocation"/> calls does, with the parameters the collection is passed
    /// to as its aliases; remembered per method when only the collection itself is followed.</summary>
    private Walk? Callee(IInvocationOperation invocation, HashSet<ISymbol> aliases, int depth)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty || _walking.Contains(method))
        {
            return null;
        }

        var calleeAliases = Aliases();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && argument.Value.ReferencedSymbol() is { } passed && aliases.Contains(passed.OriginalDefinition))
            {
                calleeAliases.Add(parameter.OriginalDefinition);
            }
        }

        var memo = calleeAliases.Count == 1;
        if (memo && _walked.TryGetValue(method, out var known))
        {
            return known;
        }

        if (_bodies.BodyOf(method, _cancellation) is not { } body)
        {
            return null;
        }

        var walk = new Walk();
        _walking.Add(method);
        WalkFunction(body, int.MinValue, calleeAliases, depth, walk);
        _walking.Remove(method);
        if (memo)
        {
            _walked[method] = walk;
        }

        return walk;
    }

    private bool IsRemoval(IOperation operation, HashSet<ISymbol> aliases)
    {
        if (_removals.Contains((operation.Syntax, operation.Kind)))
        {
            return true;
        }

        if (aliases.Count == 1 || operation.Kind != OperationKind.Invocation)
        {
            return false;
        }

        var invocation = (IInvocationOperation)operation;
        if (CollectionUses.KindOfMethod(invocation.TargetMethod.Name) != CollectionUseKind.Removal)
        {
            return false;
        }

        var receiver = invocation.Instance ??
                       (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        if (receiver is IConditionalAccessInstanceOperation)
        {
            for (var current = invocation.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation conditional)
                {
                    receiver = conditional.Operation;
                    break;
                }
            }
        }

        return receiver.ReferencedSymbol() is IParameterSymbol parameter && aliases.Contains(parameter.OriginalDefinition);
    }

    /// <summary>Task.Run and TaskFactory.StartNew: the lambda they start is the rest of the connection's code.</summary>
    private bool IsOffload(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (name is not ("Run" or "StartNew"))
        {
            return false;
        }

        var type = invocation.TargetMethod.ContainingType;
        return type.IsType(_apis.Threading.Task) || type.IsType(_apis.Threading.TaskFactory);
    }

    /// <summary>The locals, parameters and members the registration's values name (the key, the socket, the record).</summary>
    private static HashSet<ISymbol> NamesOf(IOperation registration)
    {
        var names = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var values = registration is IInvocationOperation call && call.TargetMethod.MethodKind == MethodKind.Ordinary &&
                     CollectionUses.KindOfMethod(call.TargetMethod.Name) != CollectionUseKind.Add
            ? call.Arguments.Select(argument => argument.Value)
            : CollectionUses.AddedValues(registration);
        foreach (var value in values)
        {
            foreach (var operation in value.DescendantsAndSelfIncludingFunctions())
            {
                if (operation.ReferencedSymbol() is { } symbol)
                {
                    names.Add(symbol.OriginalDefinition);
                }
            }
        }

        return names;
    }

    /// <summary>A call that hands over the registered connection (or its key): a removal of this connection, not a sweep.</summary>
    private bool NamesConnection(IInvocationOperation call, HashSet<ISymbol> connection) =>
        call.Arguments.Any(argument =>
            ConnectionHandles.IsConnectionHandle(_apis, argument.Value) ||
            (argument.Value.ReferencedSymbol() is { } symbol && connection.Contains(symbol.OriginalDefinition)));

    /// <summary>Between the registration and the end of the function something awaits or receives: the connection's lifetime.</summary>
    private bool LivesAfter(IOperation function, IOperation registration)
    {
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant.Syntax.SpanStart > registration.Syntax.SpanStart &&
                (descendant.Kind == OperationKind.Await ||
                 (descendant.Kind == OperationKind.Invocation && _apis.IsReceive((IInvocationOperation)descendant, out _))))
            {
                return true;
            }
        }

        return false;
    }
}
