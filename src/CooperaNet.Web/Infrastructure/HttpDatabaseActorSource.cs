using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Catalog;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// Who acts on the database in a request, for PostgreSQL's row-level security: the secretariat, a focal
/// point with its state, an expert, another user or the public; the system outside requests (start-up, jobs).
/// </summary>
public sealed class HttpDatabaseActorSource(IHttpContextAccessor accessor) : IDatabaseActorSource
{
    public DatabaseActor Current
    {
        get
        {
            if (accessor.HttpContext is not { } context)
            {
                return DatabaseActor.System;
            }

            var user = context.User;
            if (user.Identity?.IsAuthenticated != true)
            {
                return new(DatabaseActorKinds.Public, "");
            }

            if (user.IsInRole(Roles.Secretariat))
            {
                return new(DatabaseActorKinds.Secretariat, "");
            }

            if (user.FocalPointState() is { Length: > 0 } state)
            {
                return new(DatabaseActorKinds.FocalPoint, state);
            }

            return new(user.IsInRole(Roles.Expert) ? DatabaseActorKinds.Expert : DatabaseActorKinds.User, "");
        }
    }
}
