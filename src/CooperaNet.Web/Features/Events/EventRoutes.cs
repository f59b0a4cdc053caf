namespace CooperaNet.Web.Features.Events;

/// <summary>The addresses of the events calendar; page routes without the language prefix.</summary>
public static class EventRoutes
{
    public const string List = "/events";
    public const string New = "/events/new";
    public const string Propose = "/events/propose";
    public const string Feed = "/events.ics";
    public const string ApiGroup = "/api/v1/events";

    public static string Page(Guid id) => $"/events/{id}";

    public static string Edit(Guid id) => $"/events/{id}/edit";

    public static string File(Guid id) => $"/events/{id}.ics";

    /// <summary>The month view: "/events/month/2026-11".</summary>
    public static string Month(DateOnly month) => $"/events/month/{month:yyyy-MM}";
}
