using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>
/// A System.Net.WebSockets send of a type, as WS3003 compares them: where it is, the timer, event or Task.Run callback it
/// runs in (null outside one), and whether a SemaphoreSlim or lock serialises it. <see cref="OnSocket"/> finds the sends on
/// one socket in the declarations of a type in one file (not in nested types), only when a send's verdict depends on the
/// others, by name first so that only sends are bound, and keeps them per socket.
/// </summary>
internal readonly struct SendSite
{
    public SendSite(TextSpan span, TextSpan? callbackSpan, bool serialised)
    {
        Span = span;
        CallbackSpan = callbackSpan;
        Serialised = serialised;
    }

    /// <summary>Every send method's name contains one of these (<see cref="WebSocketApis.MayBe"/>).</summary>
    private static readonly string[] SendWords = { "Send", "Broadcast" };

    public TextSpan Span { get; }

    public TextSpan? CallbackSpan { get; }

    public bool Serialised { get; }

    public static ImmutableArray<SendSite> OnSocket(WebSocketApis apis, ThreadingApis threading, SendingCaches caches, ISymbol socket, OperationAnalysisContext context)
    {
        if (context.ContainingSymbol.ContainingType is not { } type || context.Operation.SemanticModel is not { } model)
        {
            return ImmutableArray<SendSite>.Empty;
        }

        var byType = caches.SendSites.GetOrAdd(type, static _ => new ConcurrentDictionary<ISymbol, ImmutableArray<SendSite>>(SymbolEqualityComparer.Default));
        if (!byType.TryGetValue(socket, out var sites))
        {
            sites = Find(apis, threading, type, socket, model, context.CancellationToken);
            byType.TryAdd(socket, sites);
        }

        return sites;
    }

    private static ImmutableArray<SendSite> Find(
        WebSocketApis apis, ThreadingApis threading, INamedTypeSymbol type, ISymbol socket, SemanticModel model, System.Threading.CancellationToken cancellation)
    {
        var sites = ImmutableArray.CreateBuilder<SendSite>();
        foreach (var operation in TypeInvocations.InFile(type, model, SendWords, static name => WebSocketApis.MayBe(name, WebSocketCallKind.Send), cancellation))
        {
            if (apis.IsSend(operation, out var call) && call.Library == SocketLibrary.SystemNet &&
                SocketIdentity.IsStableReference(call.Socket) && SymbolEqualityComparer.Default.Equals(call.Socket.ReferencedSymbol(), socket))
            {
                sites.Add(new SendSite(operation.Syntax.Span, ConcurrentCallbacks.FindEnclosingCallback(threading, operation)?.Syntax.Span, SendSerialisation.IsSerialised(threading, operation)));
            }
        }

        return sites.ToImmutable();
    }
}
