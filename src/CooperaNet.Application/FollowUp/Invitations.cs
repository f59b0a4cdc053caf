using System.Net.Mail;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.FollowUp;

/// <summary>What opening or using an invitation link came to.</summary>
/// <param name="Status">Valid when the account was created (or, for a check, can be).</param>
/// <param name="Invitation">The invitation, when the token named a real one.</param>
/// <param name="Errors">Why the account could not be created although the link is good (a weak password).</param>
public sealed record InvitationOutcome(InvitationStatus Status, Invitation? Invitation, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => Status == InvitationStatus.Valid && Errors.Count == 0;
}

/// <summary>
/// Focal-point invitations: the secretariat invites an address for a state; the person opens the link
/// and creates an account bound to that state with the focal-point role. The caller's SaveChanges
/// commits a new invitation together with the e-mail that carries its link.
/// </summary>
public sealed class Invitations(CooperaNetDbContext db, UserManager<ApplicationUser> users, UserAdministration administration, IOptions<FollowUpOptions> options, TimeProvider clock)
{
    public const int NameMax = 200;

    /// <summary>Adds an invitation to the unit of work and returns it with its token, or the fields at fault.</summary>
    public async Task<(Invitation? Invitation, string? Token, IReadOnlyList<FieldError> Errors)> InviteAsync(string? email, string? state, string? language, Guid? invitedBy)
    {
        var errors = new List<FieldError>();
        var address = email?.Trim() ?? string.Empty;
        var code = state?.Trim().ToUpperInvariant() ?? string.Empty;
        var lang = Languages.Normalize(language);
        if (address.Length == 0)
        {
            errors.Add(new FieldError("email", "required"));
        }
        else if (address.Length > 256 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            errors.Add(new FieldError("email", "email"));
        }
        else if (await users.FindByEmailAsync(address) is not null)
        {
            errors.Add(new FieldError("email", "followup.email-taken"));
        }

        if (!await db.MemberStates.AnyAsync(s => s.Code == code))
        {
            errors.Add(new FieldError("state", "state.unknown", code));
        }

        if (lang is null)
        {
            errors.Add(new FieldError("language", "language"));
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var (invitation, token) = Invitation.Issue(address, code, lang!, invitedBy, clock.GetUtcNow(), options.Value.InvitationLifetime);
        db.Invitations.Add(invitation);
        return (invitation, token, errors);
    }

    /// <summary>What the link is worth now, without using it.</summary>
    public async Task<InvitationOutcome> CheckAsync(string? token)
    {
        var invitation = await FindAsync(token);
        return invitation is null
            ? new InvitationOutcome(InvitationStatus.Invalid, null, [])
            : new InvitationOutcome(invitation.StatusAt(clock.GetUtcNow()), invitation, []);
    }

    /// <summary>
    /// Creates the focal point's account and marks the invitation used, in one transaction: a link
    /// used twice at once creates one account; a refused password leaves the link as it was.
    /// </summary>
    public async Task<InvitationOutcome> AcceptAsync(string? token, string? displayName, string password)
    {
        var invitation = await FindAsync(token);
        var now = clock.GetUtcNow();
        if (invitation is null || invitation.StatusAt(now) != InvitationStatus.Valid)
        {
            return new InvitationOutcome(invitation?.StatusAt(now) ?? InvitationStatus.Invalid, invitation, []);
        }

        await administration.EnsureRolesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? invitation.Email : displayName.Trim(),
            MemberStateCode = invitation.StateCode,
            PreferredLanguage = invitation.Language,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync();
            // The address may be taken because the same link was used a moment ago in another request.
            await db.Entry(invitation).ReloadAsync();
            return invitation.UsedAt is null
                ? new InvitationOutcome(InvitationStatus.Valid, invitation, [.. created.Errors])
                : new InvitationOutcome(InvitationStatus.Used, invitation, []);
        }

        await users.AddToRoleAsync(user, Roles.FocalPoint);
        invitation.MarkUsed(user.Id, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            return new InvitationOutcome(InvitationStatus.Used, invitation, []);
        }

        await transaction.CommitAsync();
        return new InvitationOutcome(InvitationStatus.Valid, invitation, []);
    }

    /// <summary>The invitation a token names and matches; null for anything else.</summary>
    private async Task<Invitation?> FindAsync(string? token)
    {
        if (Invitation.IdOf(token) is not { } id)
        {
            return null;
        }

        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id);
        return invitation is not null && invitation.Matches(token!) ? invitation : null;
    }
}
