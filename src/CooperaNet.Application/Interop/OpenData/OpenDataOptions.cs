using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Application.Interop.OpenData;

/// <summary>Where the open-data files are kept and how often they are rebuilt (section <c>CooperaNet:OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "CooperaNet:OpenData";

    /// <summary>Folder of the files; by default <c>open-data</c> in the database's data folder. Relative paths start at the content root.</summary>
    public string? Folder { get; set; }

    /// <summary>Age after which the files are rebuilt.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Public address of the site, to link each IATI activity to its page; none when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether this instance checks every hour and rebuilds stale files in the background.</summary>
    public bool Background { get; set; } = true;
}
