using CooperaNet.Application.Auditing;

namespace CooperaNet.Cli;

/// <summary>The operating-system user running the command line, as the audit log names them ("cli:ana").</summary>
internal sealed class CliActor(string userName) : ICurrentActor
{
    public Guid? UserId => null;

    public string Name { get; } = $"cli:{userName}";

    public static CliActor ForCurrentUser() => new(Environment.UserName);
}
