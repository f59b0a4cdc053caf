namespace CooperaNet.Domain.Events;

/// <summary>What a new or changed event must hold; each problem is a field and a code.</summary>
public static class EventValidation
{
    public const int TitleMax = 300;
    public const int DescriptionMax = 8000;
    public const int TextMax = 300;
    public const int UrlMax = 1000;

    /// <summary>Turns a local date and time in an IANA zone into a UTC instant; an instant skipped by a DST jump moves forward by the gap.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The IANA zone with that id, or null when it is not one (Windows names are refused).</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !id.Contains('/', StringComparison.Ordinal) && id != "UTC")
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;
    }

    /// <summary>True for an absolute http or https address.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
