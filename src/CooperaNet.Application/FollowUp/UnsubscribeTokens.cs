using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CooperaNet.Application.FollowUp;

/// <summary>
/// The signed token of the unsubscribe link in every campaign e-mail: the address, protected with the
/// platform's data-protection keys, so the link works without signing in and cannot be forged for
/// another address.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("CooperaNet.FollowUp.Unsubscribe.v1");

    public string For(string email) => protector.Protect(email.Trim().ToUpperInvariant());

    /// <summary>The normalized address, or null when the token was not ours or was changed.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
