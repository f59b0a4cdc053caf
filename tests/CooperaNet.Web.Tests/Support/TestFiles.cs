namespace CooperaNet.Web.Tests.Support;

/// <summary>Files of the repository the tests read, found from the tests' build folder.</summary>
public static class TestFiles
{
    /// <summary>A real IATI activity file of tests/data/iati-activities.</summary>
    public static string Iati(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CooperaNet.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No CooperaNet.slnx above the tests."), "tests", "data", "iati-activities", name);
    }
}
