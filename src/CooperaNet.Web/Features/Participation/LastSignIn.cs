using CooperaNet.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Participation;

/// <summary>Remembers when an account last signed in, for the secretariat's view of each state's focal points.</summary>
public static class LastSignIn
{
    /// <summary>
    /// A direct update: a sign-in is not a change of data worth an audit record, and it must not
    /// disturb the user's concurrency stamp.
    /// </summary>
    public static Task RecordAsync(CooperaNetDbContext db, Guid userId, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, now));
    }
}
