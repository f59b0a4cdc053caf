namespace CooperaNet.Application.Auditing;

/// <summary>Who is making the current change: a signed-in user, the command line or the system.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    string Name { get; }
}

/// <summary>The actor for work no person started (start-up import, background jobs).</summary>
public sealed class SystemActor : ICurrentActor
{
    public static readonly SystemActor Instance = new();

    public Guid? UserId => null;

    public string Name => "system";
}
