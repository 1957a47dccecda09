using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace WsReliability.Internal;

/// <summary>
/// Runs connection attempts until one ends for good, waiting between them with Polly's exponential backoff with
/// jitter (the first delay of a run evenly spread), or, when the server said how long to wait, that long plus a random
/// part of the hint window. Polly numbers
/// the attempts of one execution; an execution ends when a stable connection is lost, and the next one starts the
/// numbering (and so the delays) again.
/// </summary>
internal sealed class ReconnectBackoff
{
    // Past this many attempts Polly's exponential formula is far above any MaxDelay (2^64 × BaseDelay), so the
    // delay is MaxDelay exactly, which is also what Polly returns there; asking Polly for 2^1024 would overflow.
    private const int CappedAttempt = 64;

    // Polly's decorrelated jitter puts a quarter of the first delays into a window of a quarter of a base delay;
    // the first delay of a run is drawn evenly from the same range instead (AWS's full jitter), which halves the
    // busiest 100 ms when every client of a server reconnects at once. Later delays are Polly's.
    private const double FirstDelaySpread = 1.4;

    private readonly ResiliencePipeline<AttemptOutcome> _pipeline;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _hintJitter;
    private readonly TimeSpan _maxHint;
    private readonly Func<double> _random;

    public ReconnectBackoff(ReconnectOptions options, TimeProvider timeProvider, Func<double>? randomizer, Func<int, TimeSpan, AttemptOutcome, ValueTask> onRetry)
    {
        _baseDelay = options.BaseDelay;
        _maxDelay = options.MaxDelay;
        _hintJitter = options.RetryAfterJitter;
        _maxHint = options.MaxRetryAfter;
        _random = randomizer ?? Random.Shared.NextDouble;
        var retry = new RetryStrategyOptions<AttemptOutcome>
        {
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            MaxRetryAttempts = options.MaxAttempts ?? int.MaxValue,
            ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result.ShouldRetry),
            DelayGenerator = args => new ValueTask<TimeSpan?>(DelayFor(args.AttemptNumber, args.Outcome.Result)),
            OnRetry = args => onRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result),
            Randomizer = _random,
        };

        _pipeline = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = timeProvider }.AddRetry(retry).Build();
    }

    /// <summary>
    /// Calls <paramref name="attempt"/> until an outcome says stop or the attempts run out, and returns that outcome.
    /// Throws OperationCanceledException when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<AttemptOutcome> RunAsync(Func<CancellationToken, ValueTask<AttemptOutcome>> attempt, CancellationToken cancellationToken)
    {
        AttemptOutcome? lostStable = null;
        while (true)
        {
            var state = new ExecutionState(attempt, lostStable);
            var outcome = await _pipeline.ExecuteAsync(
                static (state, token) => state.NextAsync(token), state, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (outcome.Result != AttemptResult.LostAfterStable)
            {
                return outcome;
            }

            lostStable = outcome;
        }
    }

    /// <summary>
    /// The server's hint plus a random part of the hint window when there is one; for the first retry of a run, an
    /// even draw from 0 to 1.4 × BaseDelay; past the range of the exponential formula, MaxDelay; else Polly's (null).
    /// </summary>
    private TimeSpan? DelayFor(int attemptNumber, AttemptOutcome previous)
    {
        if (previous.ServerDelay is { } hint)
        {
            var capped = hint < _maxHint ? hint : _maxHint;
            return capped + (_hintJitter * _random());
        }

        if (attemptNumber == 0)
        {
            var first = _baseDelay * (FirstDelaySpread * _random());
            return first < _maxDelay ? first : _maxDelay;
        }

        return attemptNumber >= CappedAttempt ? _maxDelay : null;
    }

    private sealed class ExecutionState(Func<CancellationToken, ValueTask<AttemptOutcome>> attempt, AttemptOutcome? lostStable)
    {
        private AttemptOutcome? _pendingLoss = lostStable;

        public ValueTask<AttemptOutcome> NextAsync(CancellationToken cancellationToken)
        {
            // After a stable connection was lost the loss itself is attempt 0 of the new execution, so Polly's first
            // (short, jittered) delay, or the server's hint, passes before the first reconnect: clients of a
            // restarted server spread out.
            if (_pendingLoss is { } loss)
            {
                _pendingLoss = null;
                return new ValueTask<AttemptOutcome>(loss with { Result = AttemptResult.Lost });
            }

            return attempt(cancellationToken);
        }
    }
}
