namespace CooperaNet.Web.Features.Communications;

/// <summary>The addresses of the communication plan; page routes without the language prefix.</summary>
public static class CommunicationRoutes
{
    public const string Index = "/communications";
    public const string Channels = "/communications/channels";
    public const string NewChannel = "/communications/channels/new";
    public const string Plans = "/communications/plans";
    public const string ApiGroup = "/api/v1/communications";

    public static string EditMessage(string audienceKey) => $"/communications/audiences/{audienceKey}/edit";

    public static string EditChannel(Guid id) => $"/communications/channels/{id}/edit";

    /// <summary>The grid of a semester: "/communications/plans/2027/1"; by channel with "?by=channel".</summary>
    public static string Plan(int year, int half, bool byChannel = false) => $"/communications/plans/{year}/{half}" + (byChannel ? "?by=channel" : string.Empty);

    public static string NewItem(int year, int half) => $"/communications/plans/{year}/{half}/items/new";

    public static string EditItem(int year, int half, Guid id) => $"/communications/plans/{year}/{half}/items/{id}/edit";

    public static string NewPiece(int year, int half) => $"/communications/plans/{year}/{half}/pieces/new";

    public static string EditPiece(int year, int half, Guid id) => $"/communications/plans/{year}/{half}/pieces/{id}/edit";
}
