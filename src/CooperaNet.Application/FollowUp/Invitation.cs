using System.Security.Cryptography;
using System.Text;

namespace CooperaNet.Application.FollowUp;

/// <summary>Where an invitation link stands when someone opens it.</summary>
public enum InvitationStatus
{
    /// <summary>It can still create the account.</summary>
    Valid = 0,

    /// <summary>An account was already created with it.</summary>
    Used = 1,

    /// <summary>Its time ran out.</summary>
    Expired = 2,

    /// <summary>Not a link we issued: unknown, cut short or changed.</summary>
    Invalid = 3,
}

/// <summary>
/// The secretariat's invitation to become a state's focal point. The link carries the invitation's id
/// and a random secret; only the secret's SHA-256 hash is stored, compared in constant time. It
/// creates one account, once, before it expires.
/// </summary>
public sealed class Invitation
{
    /// <summary>Prefix of every invitation token, so a leaked one is recognisable.</summary>
    public const string TokenPrefix = "inv_";

    public Guid Id { get; init; }

    /// <summary>Where the invitation was sent.</summary>
    public required string Email { get; init; }

    /// <summary>The state the account will speak for.</summary>
    public required string StateCode { get; init; }

    /// <summary>The invitee's language: the e-mails and the account's.</summary>
    public required string Language { get; init; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the account was created with it; a concurrency token, so two uses at once cannot both win.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The account it created.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Who in the secretariat sent it.</summary>
    public Guid? InvitedBy { get; init; }

    /// <summary>The status at <paramref name="now"/>.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        UsedAt is not null ? InvitationStatus.Used : now >= ExpiresAt ? InvitationStatus.Expired : InvitationStatus.Valid;

    /// <summary>Creates an invitation and returns the token to put in the link (never stored).</summary>
    public static (Invitation Invitation, string Token) Issue(string email, string state, string language, Guid? invitedBy, DateTimeOffset now, TimeSpan lifetime)
    {
        var id = Guid.CreateVersion7(now);
        var token = $"{TokenPrefix}{id:N}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        var invitation = new Invitation
        {
            Id = id,
            Email = email,
            StateCode = state,
            Language = language,
            Hash = HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            InvitedBy = invitedBy,
        };
        return (invitation, token);
    }

    /// <summary>The invitation id a token names, or null when it is not shaped like one of ours.</summary>
    public static Guid? IdOf(string? token)
    {
        if (token is null || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length != TokenPrefix.Length + 32 + 1 + 64 || token[TokenPrefix.Length + 32] != '.')
        {
            return null;
        }

        return Guid.TryParseExact(token.AsSpan(TokenPrefix.Length, 32), "N", out var id) ? id : null;
    }

    /// <summary>True when <paramref name="token"/> is this invitation's, compared in constant time.</summary>
    public bool Matches(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(token)), Encoding.ASCII.GetBytes(Hash));

    /// <summary>Records that the account was created.</summary>
    public void MarkUsed(Guid userId, DateTimeOffset at)
    {
        UsedAt = at;
        UserId = userId;
    }

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
