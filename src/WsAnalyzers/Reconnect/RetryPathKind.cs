namespace WsAnalyzers.Reconnect;

/// <summary>Why a reconnect call runs again after a connection was lost or an attempt failed.</summary>
internal enum RetryPathKind
{
    None,

    /// <summary>A while / for / do loop around the reconnect.</summary>
    Loop,

    /// <summary>A catch block that tries again.</summary>
    Catch,

    /// <summary>A close, error or disconnection handler (lambda, anonymous method or method group).</summary>
    Handler,

    /// <summary>A method that calls itself to try again.</summary>
    Recursive,
}
