using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WsReliability.Internal;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

/// <summary>The reconnect schedule on a fake clock: Polly's jittered exponential delays, the cap, the attempt limit and the reset.</summary>
public sealed class BackoffScheduleTests
{
    private static readonly TimeSpan Step = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Delays_grow_exponentially_up_to_the_cap_and_attempts_stop_at_the_limit()
    {
        var options = new ReconnectOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), MaxAttempts = 6 };
        var driver = new Driver(options, () => 0.5, _ => AttemptOutcome.Failed(new InvalidOperationException("refused")));

        var outcome = await driver.RunToEndAsync();

        Assert.Equal(AttemptResult.ConnectFailed, outcome.Result);
        Assert.Equal(7, driver.AttemptTimes.Count);
        var delays = driver.Waited;
        Assert.Equal(6, delays.Count);
        // Task.Delay waits whole milliseconds: the timer is Polly's delay to the millisecond.
        Assert.All(delays.Zip(driver.Announced), pair => Assert.InRange(pair.Second - pair.First, TimeSpan.Zero, TimeSpan.FromMilliseconds(1)));
        Assert.InRange(delays[0], TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(1.4));
        for (var k = 1; k < delays.Count && delays[k] < options.MaxDelay; k++)
        {
            var median = options.BaseDelay * Math.Pow(2, k);
            Assert.InRange(delays[k], median * 0.4, median * 1.6);
            Assert.True(delays[k] > delays[k - 1], $"delay {k} ({delays[k]}) does not grow");
        }

        Assert.Equal(options.MaxDelay, delays[^1]);
        Assert.All(delays, d => Assert.True(d <= options.MaxDelay));
    }

    [Fact]
    public async Task An_attempt_waits_for_the_whole_delay_and_not_longer()
    {
        var options = new ReconnectOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30), MaxAttempts = 2 };
        var driver = new Driver(options, () => 0.3, _ => AttemptOutcome.Failed(new InvalidOperationException("refused")));
        driver.Start();
        await driver.NextAttemptAsync();

        var due = await driver.NextTimerAsync();
        driver.Time.Fake.Advance(due - Step);
        await Task.Delay(100);
        Assert.Single(driver.AttemptTimes);

        driver.Time.Fake.Advance(Step);
        var second = await driver.NextAttemptAsync();
        Assert.Equal(due, second - driver.AttemptTimes[0]);
        driver.Cancel();
    }

    [Fact]
    public async Task Jitter_spreads_the_first_delay_between_zero_and_about_one_and_a_half_base_delays()
    {
        var options = new ReconnectOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), MaxAttempts = 1 };
        var firstDelays = new List<TimeSpan>();
        for (var client = 0; client < 500; client++)
        {
            using var cancel = new CancellationTokenSource();
            var backoff = new ReconnectBackoff(options, new TimerObservingTimeProvider(), randomizer: null, (_, delay, _) =>
            {
                firstDelays.Add(delay);
                cancel.Cancel();
                return default;
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                backoff.RunAsync(_ => new ValueTask<AttemptOutcome>(AttemptOutcome.Failed(new InvalidOperationException())), cancel.Token));
        }

        Assert.All(firstDelays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(1.45)));
        Assert.True(firstDelays.Min() < TimeSpan.FromSeconds(0.25), "no early first attempts: not full jitter");
        Assert.True(firstDelays.Max() > TimeSpan.FromSeconds(1.0), "no late first attempts: not full jitter");
        var busiestTenth = firstDelays.GroupBy(d => (int)(d.TotalSeconds / 0.145)).Max(g => g.Count());
        Assert.True(busiestTenth < 500 / 4, $"{busiestTenth} of 500 first attempts fall in one tenth of the range");
    }

    [Fact]
    public async Task A_stable_connection_resets_the_backoff_and_an_unstable_one_does_not()
    {
        var options = new ReconnectOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60) };
        var lost = new CloseInfo(null, null, null, false);
        var script = new[]
        {
            AttemptOutcome.Failed(new InvalidOperationException()),
            AttemptOutcome.Failed(new InvalidOperationException()),
            AttemptOutcome.Failed(new InvalidOperationException()),
            new AttemptOutcome(AttemptResult.Lost, lost, null),
            new AttemptOutcome(AttemptResult.LostAfterStable, lost, null),
            new AttemptOutcome(AttemptResult.Final, new CloseInfo(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, null, false), null),
        };
        var driver = new Driver(options, () => 0.5, attempt => script[attempt]);

        var outcome = await driver.RunToEndAsync();

        Assert.Equal(AttemptResult.Final, outcome.Result);
        var delays = driver.Waited;
        Assert.Equal(5, delays.Count);
        Assert.True(delays[3] > delays[2], "a connection lost before it was stable must not reset the backoff");
        Assert.Equal(delays[0], delays[4]);
        Assert.Equal([1, 2, 3, 4, 1], driver.AnnouncedAttempts);
    }

    [Fact]
    public async Task Unlimited_attempts_stay_at_the_cap_far_past_the_range_of_the_exponential_formula()
    {
        var options = new ReconnectOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2), MaxAttempts = null };
        var driver = new Driver(options, randomizer: null, _ => AttemptOutcome.Failed(new InvalidOperationException("refused")));
        driver.Start();
        await driver.NextAttemptAsync();
        for (var attempt = 1; attempt <= 1_100; attempt++)
        {
            driver.Time.Fake.Advance(await driver.NextTimerAsync());
            await driver.NextAttemptAsync();
        }

        driver.Cancel();
        Assert.All(driver.Announced, d => Assert.InRange(d, TimeSpan.FromTicks(1), options.MaxDelay));
        Assert.All(driver.Announced.Skip(100), d => Assert.Equal(options.MaxDelay, d));
    }

    [Fact]
    public async Task A_server_delay_is_waited_plus_a_random_part_of_the_hint_window_instead_of_the_backoff()
    {
        var options = new ReconnectOptions
        {
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(8),
            RetryAfterJitter = TimeSpan.FromSeconds(2),
            MaxRetryAfter = TimeSpan.FromMinutes(1),
            MaxAttempts = 4,
        };
        var script = new[]
        {
            AttemptOutcome.Failed(new InvalidOperationException("503"), TimeSpan.FromSeconds(30)),
            AttemptOutcome.Failed(new InvalidOperationException("503"), TimeSpan.FromHours(1)),
            AttemptOutcome.Failed(new InvalidOperationException("refused")),
            new AttemptOutcome(AttemptResult.Lost, new CloseInfo((System.Net.WebSockets.WebSocketCloseStatus)1013, "busy; retry-after=2.5", null, false), null, TimeSpan.FromSeconds(2.5)),
            new AttemptOutcome(AttemptResult.Final, null, null),
        };
        var driver = new Driver(options, () => 0.25, attempt => script[attempt]);

        await driver.RunToEndAsync();

        // The hint (capped at MaxRetryAfter) plus a quarter of the 2 s window; the backoff where there is no hint.
        Assert.Equal(TimeSpan.FromSeconds(30.5), driver.Waited[0]);
        Assert.Equal(TimeSpan.FromSeconds(60.5), driver.Waited[1]);
        Assert.InRange(driver.Waited[2], TimeSpan.FromSeconds(0.4), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), driver.Waited[3]);
    }

    /// <summary>Runs a ReconnectBackoff on a fake clock, advancing it exactly by each delay once the wait started.</summary>
    private sealed class Driver
    {
        private readonly ReconnectBackoff _backoff;
        private readonly Func<int, AttemptOutcome> _script;
        private readonly Channel<TimeSpan> _attempts = Channel.CreateUnbounded<TimeSpan>();
        private readonly CancellationTokenSource _cancel = new();
        private readonly DateTimeOffset _start;
        private Task<AttemptOutcome>? _run;
        private int _calls;

        public Driver(ReconnectOptions options, Func<double>? randomizer, Func<int, AttemptOutcome> script)
        {
            _script = script;
            _start = Time.GetUtcNow();
            _backoff = new ReconnectBackoff(options, Time, randomizer, (attempt, delay, _) =>
            {
                AnnouncedAttempts.Add(attempt);
                Announced.Add(delay);
                return default;
            });
        }

        public TimerObservingTimeProvider Time { get; } = new();

        public List<TimeSpan> AttemptTimes { get; } = [];

        public List<TimeSpan> Announced { get; } = [];

        public List<int> AnnouncedAttempts { get; } = [];

        public List<TimeSpan> Waited { get; } = [];

        public void Start() => _run = _backoff.RunAsync(AttemptAsync, _cancel.Token);

        public void Cancel() => _cancel.Cancel();

        public async Task<TimeSpan> NextAttemptAsync()
        {
            var at = await _attempts.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            AttemptTimes.Add(at);
            return at;
        }

        public async Task<TimeSpan> NextTimerAsync()
        {
            var due = await Time.TimersCreated.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            Waited.Add(due);
            return due;
        }

        public async Task<AttemptOutcome> RunToEndAsync()
        {
            Start();
            await NextAttemptAsync();
            while (true)
            {
                var timer = Time.TimersCreated.Reader.ReadAsync().AsTask();
                var finished = await Task.WhenAny(timer, _run!).WaitAsync(Patience);
                if (finished == _run)
                {
                    return await _run;
                }

                var due = await timer;
                Waited.Add(due);
                Time.Fake.Advance(due);
                await NextAttemptOrEndAsync();
            }
        }

        private async Task NextAttemptOrEndAsync()
        {
            var next = _attempts.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(next, _run!).WaitAsync(Patience) == next)
            {
                AttemptTimes.Add(await next);
            }
        }

        private ValueTask<AttemptOutcome> AttemptAsync(CancellationToken cancellationToken)
        {
            _attempts.Writer.TryWrite(Time.GetUtcNow() - _start);
            return new ValueTask<AttemptOutcome>(_script(_calls++));
        }
    }
}
