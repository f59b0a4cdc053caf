using Microsoft.AspNetCore.Identity;

namespace CooperaNet.Application.Identity;

/// <summary>A person who signs in. Focal points are bound to one member state.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    /// <summary>Name shown to others.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The member state a focal point speaks for (alpha-2); null for other roles.</summary>
    public string? MemberStateCode { get; set; }

    /// <summary>The partner organisation a partner user speaks for; null for other roles.</summary>
    public Guid? PartnerOrganisationId { get; set; }

    /// <summary>Language for e-mails and the first page after sign-in.</summary>
    public string PreferredLanguage { get; set; } = Domain.Languages.Default;

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the account last signed in successfully; null until it first does.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>
    /// The 30-second time step of the last authenticator code accepted for this account; a code of that
    /// step or an earlier one is refused, so a code seen over a shoulder or in a log cannot be used again.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
}

/// <summary>A role of <see cref="Roles"/>.</summary>
public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string name)
        : base(name)
    {
        NormalizedName = name.ToUpperInvariant();
    }
}
