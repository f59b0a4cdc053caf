namespace CooperaNet.Cli;

/// <summary>What the process returns, so scripts can tell a typo from a failure.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command was valid but could not be done (no such user, database down...).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or usage: nothing was attempted.</summary>
    public const int Usage = 2;
}
