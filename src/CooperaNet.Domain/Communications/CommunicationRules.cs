namespace CooperaNet.Domain.Communications;

/// <summary>Limits and checks shared by the communication plan's inputs.</summary>
public static class CommunicationRules
{
    public const int NameMax = 200;
    public const int AddressMax = 500;
    public const int MessageMax = 1000;
    public const int DescriptionMax = 500;
    public const int OwnerMax = 200;
    public const int TitleMax = 300;

    /// <summary>True for an absolute http or https address.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>True for a handle: "@" then 1-64 letters, digits, dots, dashes or underscores.</summary>
    public static bool IsHandle(string? value) =>
        value is { Length: >= 2 and <= 65 } && value[0] == '@' && value[1..].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>True for a page of the platform itself: "/", "/newsletter", "/events".</summary>
    public static bool IsPlatformPath(string? value) =>
        value is { Length: >= 1 and <= 200 } && value[0] == '/' && !value.StartsWith("//", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_');

    /// <summary>A channel's address: a web address, a handle or a page of the platform.</summary>
    public static bool IsAddress(string? value) => IsWebAddress(value) || IsHandle(value) || IsPlatformPath(value);

    /// <summary>True for an existing semester: a year 2000-2100 and a half 1 or 2.</summary>
    public static bool IsSemester(int year, int half) => year is >= 2000 and <= 2100 && half is 1 or 2;
}
