using System;
using System.Globalization;
using System.Text;

namespace WsReliability.Protocol;

/// <summary>
/// The delay hint a server puts in the reason of a Close frame (1001, 1012, 1013): <c>"&lt;text&gt;; retry-after=&lt;seconds&gt;"</c>,
/// seconds as a decimal number with up to three decimals in the invariant culture. Both halves of the runtime compile
/// this file, so the hub writes exactly what the client reads. See docs/runtime.md, "The contract between the halves".
/// </summary>
internal static class RetryAfterHint
{
    /// <summary>A close reason is at most 123 bytes of UTF-8 (RFC 6455, 5.5: a control frame payload is at most 125 bytes).</summary>
    public const int MaxReasonBytes = 123;

    private const string Key = "retry-after=";

    /// <summary>The close reason carrying <paramref name="delay"/>; <paramref name="text"/> is shortened to fit 123 bytes.</summary>
    public static string Format(string? text, TimeSpan delay)
    {
        var seconds = Math.Round(Math.Max(0, delay.TotalSeconds), 3).ToString("0.###", CultureInfo.InvariantCulture);
        var hint = Key + seconds;
        if (string.IsNullOrEmpty(text))
        {
            return hint;
        }

        var room = MaxReasonBytes - Encoding.UTF8.GetByteCount("; " + hint);
        var kept = text;
        while (Encoding.UTF8.GetByteCount(kept) > room)
        {
            kept = char.IsLowSurrogate(kept[^1]) && kept.Length > 1 ? kept[..^2] : kept[..^1];
        }

        return kept.Length == 0 ? hint : kept + "; " + hint;
    }

    /// <summary>Reads the hint from a close reason; false when there is none or it is not a valid non-negative number.</summary>
    public static bool TryParse(string? reason, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (string.IsNullOrEmpty(reason))
        {
            return false;
        }

        var at = reason.IndexOf(Key, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || (at > 0 && reason[at - 1] is not (' ' or ';' or ',')))
        {
            return false;
        }

        var start = at + Key.Length;
        var end = start;
        while (end < reason.Length && (char.IsAsciiDigit(reason[end]) || reason[end] == '.'))
        {
            end++;
        }

        if ((end < reason.Length && reason[end] is not (' ' or ';' or ','))
            || !double.TryParse(reason.AsSpan(start, end - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        delay = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
