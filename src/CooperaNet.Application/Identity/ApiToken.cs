using System.Security.Cryptography;
using System.Text;

namespace CooperaNet.Application.Identity;

/// <summary>
/// A personal bearer token for API clients. Only its SHA-256 hash is stored; the secret is shown
/// once, at creation. A revoked token stays as a record of who had access.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Prefix every token carries, so a leaked one is recognisable.</summary>
    public const string SecretPrefix = "cnt_";

    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public ApplicationUser? User { get; set; }

    /// <summary>What the owner called it ("reporting script").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the secret, to tell tokens apart in lists.</summary>
    public required string Hint { get; init; }

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a token for a user and returns the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid userId, string name, DateTimeOffset now)
    {
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name.Trim(),
            Hint = secret[..(SecretPrefix.Length + 6)],
            Hash = HashOf(secret),
            CreatedAt = now,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
