namespace WsAnalyzers.Benchmarks;

public enum CorpusKind
{
    /// <summary>500 files of ordinary code with no WebSocket API.</summary>
    Ordinary,

    /// <summary>100 files, each with handlers, receive loops, broadcasts and reconnect loops.</summary>
    WebSocketDense,
}
