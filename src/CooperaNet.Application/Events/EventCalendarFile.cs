using System.Globalization;
using System.Text;
using CooperaNet.Domain.Events;

namespace CooperaNet.Application.Events;

/// <summary>
/// Writes events as an iCalendar (RFC 5545) file: CRLF line endings, content lines folded at 75 octets
/// without splitting a UTF-8 character, TEXT values escaped, times in UTC, one stable UID per event.
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
        foreach (var item in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{item.Id:D}@{host}");
            Line(text, "DTSTAMP:" + Utc(stamp));
            Line(text, "DTSTART:" + Utc(item.StartsAt));
            Line(text, "DTEND:" + Utc(item.EndsAt));
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
