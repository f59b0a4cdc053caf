using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using CooperaNet.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Identity;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that are accepted once.
/// Identity's own provider accepts the same code again for as long as it is valid (up to 2½ minutes).
/// This one accepts the current step and one either side for clock drift, and only a step later than
/// the account's last accepted one (<see cref="ApplicationUser.LastTotpTimeStep"/>, a column rather than
/// Identity's token store so that the check and the write are one conditional UPDATE: two instances
/// given the same code at once cannot both accept it).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(CooperaNetDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    /// <summary>The provider's name in <see cref="TokenOptions.ProviderMap"/>.</summary>
    public const string Name = "SingleUseAuthenticator";

    private const int StepSeconds = 30;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                var taken = await db.Users
                    .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastTotpTimeStep, step));
                return taken == 1;
            }
        }

        return false;
    }

    internal static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; the key, not the hash, is the secret.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys.</summary>
    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
