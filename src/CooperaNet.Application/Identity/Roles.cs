namespace CooperaNet.Application.Identity;

/// <summary>The roles of the platform. One constant each; pages and policies use these.</summary>
public static class Roles
{
    public const string Secretariat = "secretariat";
    public const string FocalPoint = "focal-point";
    public const string Expert = "expert";
    public const string Partner = "partner";
    public const string WorkingGroupMember = "working-group-member";

    public static IReadOnlyList<string> All { get; } = [Secretariat, FocalPoint, Expert, Partner, WorkingGroupMember];

    /// <summary>Focal points speak for one member state and must name it.</summary>
    public static bool RequiresMemberState(string role) => role == FocalPoint;
}
