using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore.Tests.Infrastructure;

/// <summary>Listens to the hub's meter of one server (by its meter factory) and sums every measurement.</summary>
internal sealed class MetricsProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public MetricsProbe(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WebSocketHubMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();
    }

    /// <summary>Sum of an instrument's measurements, optionally only those with tag=value.</summary>
    public double Sum(string instrument, string? tag = null, string? value = null) =>
        _sums.GetValueOrDefault(Key(instrument, tag, value));

    /// <summary>Number of measurements of an instrument (for histograms).</summary>
    public long Count(string instrument) => _counts.GetValueOrDefault(Key(instrument, null, null));

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Add(Key(instrument, null, null), value);
        foreach (var tag in tags)
        {
            Add(Key(instrument, tag.Key, tag.Value?.ToString()), value);
        }
    }

    private void Add(string key, double value)
    {
        _sums.AddOrUpdate(key, value, (_, old) => old + value);
        _counts.AddOrUpdate(key, 1, (_, old) => old + 1);
    }

    private static string Key(string instrument, string? tag, string? value) => tag is null ? instrument : $"{instrument}|{tag}={value}";

    public void Dispose() => _listener.Dispose();
}
