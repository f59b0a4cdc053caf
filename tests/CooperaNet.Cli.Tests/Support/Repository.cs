namespace CooperaNet.Cli.Tests.Support;

/// <summary>Where the repository is, from the tests' build folder.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>A real IATI file of tests/data/iati-activities.</summary>
    public static string IatiFile(string name) => Path.Combine(Root, "tests", "data", "iati-activities", name);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CooperaNet.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CooperaNet.slnx above {AppContext.BaseDirectory}.");
    }
}
