using System.Security.Claims;
using CooperaNet.Application.Auditing;

namespace CooperaNet.Web.Infrastructure;

/// <summary>The signed-in user of the current request, "anonymous" in a request without one, "system" outside requests (start-up).</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => accessor.HttpContext is { } context ? context.User.Identity?.Name ?? "anonymous" : SystemActor.Instance.Name;
}
