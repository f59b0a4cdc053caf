using System.Globalization;
using System.Text;
using CooperaNet.Domain.Events;

namespace CooperaNet.Application.Events;

/// <summary>
/// Writes events as an iCalendar (RFC 5545) file: CRLF line endings, content lines folded at 75 octets
/// without splitting a UTF-8 character, TEXT values escaped, one stable UID per event. Start and end are
/// written in the event's own time zone (DTSTART;TZID=...), and each zone used is described by a VTIMEZONE
/// built from the system's time-zone rules: every change of offset over the years the events span, so a
/// client without the IANA database still shows the right local time (events in UTC are written in UTC).
/// </summary>
public static class EventCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The calendar with these events; <paramref name="pageOf"/> gives each event's public page.</summary>
    public static string Write(IEnumerable<Event> events, DateTimeOffset stamp, string host, Func<Event, string> pageOf)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//CooperaNet//Events//EN");
        Line(text, "CALSCALE:GREGORIAN");
        var list = events.ToList();
        foreach (var zone in list.Where(e => !IsUtc(e.TimeZoneId)).GroupBy(e => e.TimeZoneId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            TimeZone(text, zone.Key, zone.Min(e => e.StartsAt).Year, zone.Max(e => e.EndsAt).Year);
        }

        foreach (var item in list)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{item.Id:D}@{host}");
            Line(text, "DTSTAMP:" + Utc(stamp));
            Line(text, "DTSTART" + Zoned(item.StartsAt, item.TimeZoneId));
            Line(text, "DTEND" + Zoned(item.EndsAt, item.TimeZoneId));
            Line(text, "SUMMARY:" + Escape(item.Title));
            if (item.Description.Length > 0)
            {
                Line(text, "DESCRIPTION:" + Escape(item.Description));
            }

            Line(text, item.IsOnline ? "LOCATION:" + Escape(item.OnlineUrl!) : "LOCATION:" + Escape($"{item.Venue}, {item.City}, {item.CountryCode}"));
            Line(text, "URL:" + (item.OnlineUrl ?? pageOf(item)));
            Line(text, "STATUS:" + (item.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(text, "LAST-MODIFIED:" + Utc(item.UpdatedAt));
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The zones written as UTC times rather than with a VTIMEZONE.</summary>
    public static bool IsUtc(string zone) => zone is "UTC" or "Etc/UTC" or "Etc/GMT" or "Etc/Universal" or "Etc/Zulu";

    /// <summary>
    /// The observances of <paramref name="zone"/> from local midnight on 1 January of <paramref name="fromYear"/> to the end of
    /// <paramref name="toYear"/>: the offset in force at the start, then each change of offset, found day by
    /// day and narrowed to the second. Each is DAYLIGHT or STANDARD as the system's rules say.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset At, TimeSpan From, TimeSpan To, bool Daylight)> Observances(string zone, int fromYear, int toYear)
    {
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var start = new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, info.GetUtcOffset(new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))).ToUniversalTime();
        var end = new DateTimeOffset(toYear + 1, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var first = info.GetUtcOffset(start);
        var found = new List<(DateTimeOffset, TimeSpan, TimeSpan, bool)> { (start, first, first, info.IsDaylightSavingTime(start)) };
        for (var day = start; day < end; day = day.AddDays(1))
        {
            var before = info.GetUtcOffset(day);
            var after = info.GetUtcOffset(day.AddDays(1));
            if (before == after)
            {
                continue;
            }

            // The change lies in (low, high]: narrow it to the second.
            var (low, high) = (day, day.AddDays(1));
            while (high - low > TimeSpan.FromSeconds(1))
            {
                var middle = low + ((high - low) / 2);
                (low, high) = info.GetUtcOffset(middle) == before ? (middle, high) : (low, middle);
            }

            var at = new DateTimeOffset(high.UtcTicks - (high.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            found.Add((at, before, info.GetUtcOffset(at), info.IsDaylightSavingTime(at)));
        }

        return found;
    }

    private static void TimeZone(StringBuilder text, string zone, int fromYear, int toYear)
    {
        Line(text, "BEGIN:VTIMEZONE");
        Line(text, "TZID:" + zone);
        foreach (var (at, from, to, daylight) in Observances(zone, fromYear, toYear))
        {
            var kind = daylight ? "DAYLIGHT" : "STANDARD";
            Line(text, "BEGIN:" + kind);
            Line(text, "DTSTART:" + Local(at, from));
            Line(text, "TZOFFSETFROM:" + Offset(from));
            Line(text, "TZOFFSETTO:" + Offset(to));
            Line(text, "END:" + kind);
        }

        Line(text, "END:VTIMEZONE");
    }

    /// <summary>";TZID=zone:local time", or ":UTC time" for the UTC zones.</summary>
    private static string Zoned(DateTimeOffset at, string zone) =>
        IsUtc(zone) ? ":" + Utc(at) : $";TZID={zone}:{Local(at, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(at))}";

    private static string Local(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).DateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>±HHMM, or ±HHMMSS when the offset has seconds (RFC 5545 3.3.14).</summary>
    private static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var value = offset.Duration();
        var text = $"{sign}{value.Hours:00}{value.Minutes:00}";
        return value.Seconds == 0 ? text : text + value.Seconds.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Appends one content line, folded so that no physical line exceeds 75 octets.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            text.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        text.Append("\r\n");
    }
}
