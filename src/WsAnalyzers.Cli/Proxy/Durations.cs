using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>Time values as nginx, HAProxy, .NET configuration and the command line write them.</summary>
internal static partial class Durations
{
    /// <summary>nginx: a number with ms, s, m, h, d, w, M or y, several of them in a row (1h30m); no unit means seconds.</summary>
    public static TimeSpan? ParseNginx(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plainSeconds))
        {
            return TimeSpan.FromSeconds(plainSeconds);
        }

        var total = TimeSpan.Zero;
        var position = 0;
        foreach (Match part in NginxPart().Matches(text))
        {
            if (part.Index != position)
            {
                return null;
            }

            var number = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" or "" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                "d" => TimeSpan.FromDays(number),
                "w" => TimeSpan.FromDays(7 * number),
                "M" => TimeSpan.FromDays(30 * number),
                _ => TimeSpan.FromDays(365 * number),
            };
            position = part.Index + part.Length;
        }

        return position == text.Length && position > 0 ? total : null;
    }

    /// <summary>HAProxy: a number with us, ms, s, m, h or d; no unit means milliseconds.</summary>
    public static TimeSpan? ParseHAProxy(string value)
    {
        var match = HAProxyValue().Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }

        var number = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => TimeSpan.FromMicroseconds(number),
            "" or "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => TimeSpan.FromDays(number),
        };
    }

    /// <summary>.NET configuration binds TimeSpan with TimeSpan.Parse: "00:01:40", "1.00:00:00".</summary>
    public static TimeSpan? ParseTimeSpan(string value) =>
        TimeSpan.TryParse(value.Trim(), CultureInfo.InvariantCulture, out var result) ? result : null;

    /// <summary>The command line: 30s, 2m, 1500ms, 1h, or a TimeSpan (00:00:30).</summary>
    public static TimeSpan ParseOption(string option, string value)
    {
        var parsed = value.Contains(':', StringComparison.Ordinal) ? ParseTimeSpan(value) : ParseNginx(value);
        if (parsed is not { } duration || duration <= TimeSpan.Zero)
        {
            throw new CliException($"{option} '{value}' is not a duration: write it as 30s, 2m, 1500ms or 00:00:30");
        }

        return duration;
    }

    /// <summary>A duration in the largest unit that divides it (2m, 90s, 1500ms): how the fixes write it for nginx and HAProxy.</summary>
    public static string Format(TimeSpan duration)
    {
        var ms = (long)Math.Ceiling(duration.TotalMilliseconds);
        if (ms % 3_600_000 == 0)
        {
            return $"{ms / 3_600_000}h";
        }

        if (ms % 60_000 == 0)
        {
            return $"{ms / 60_000}m";
        }

        return ms % 1000 == 0 ? $"{ms / 1000}s" : $"{ms}ms";
    }

    /// <summary>For messages: "100 s", "1.5 s", "2 min".</summary>
    public static string Describe(TimeSpan duration)
    {
        if (duration.TotalSeconds >= 120 && duration.TotalSeconds % 60 == 0)
        {
            return $"{duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min";
        }

        return duration.TotalSeconds >= 1
            ? $"{Math.Round(duration.TotalSeconds, 3).ToString(CultureInfo.InvariantCulture)} s"
            : $"{duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";
    }

    [GeneratedRegex("([0-9]+)(ms|y|M|w|d|h|m|s|)")]
    private static partial Regex NginxPart();

    [GeneratedRegex("^([0-9]+)(us|ms|s|m|h|d|)$")]
    private static partial Regex HAProxyValue();
}
