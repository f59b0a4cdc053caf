namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// The axe-core script the browser tests inject: tests/CooperaNet.Web.Tests/browser/node_modules/axe-core/axe.min.js,
/// installed by npm from browser/package-lock.json, or the file named by AXE_CORE_PATH.
/// </summary>
public static class AxeCore
{
    public const string PathVariable = "AXE_CORE_PATH";

    private const string SolutionFile = "CooperaNet.slnx";

    public static string Path
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return overridden;
            }

            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, SolutionFile)))
            {
                root = root.Parent;
            }

            if (root is null)
            {
                throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}; set {PathVariable} to axe.min.js.");
            }

            return System.IO.Path.Combine(root.FullName, "tests", "CooperaNet.Web.Tests", "browser", "node_modules", "axe-core", "axe.min.js");
        }
    }

    /// <summary>The script's text; fails with what to do when npm has not installed it.</summary>
    public static string Load()
    {
        var path = Path;
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException(
                $"axe-core is missing at {path}. Run ./test.sh, which installs it " +
                $"(or `npm ci` in tests/CooperaNet.Web.Tests/browser), or set {PathVariable}.", path);
    }
}
