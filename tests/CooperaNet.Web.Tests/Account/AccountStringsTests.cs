using System.Text.Json;
using System.Text.RegularExpressions;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Account;

namespace CooperaNet.Web.Tests.Account;

/// <summary>The account strings exist in the four languages, and every key the pages use is there.</summary>
public sealed partial class AccountStringsTests
{
    private static readonly string Web = FindWebProject();

    private static readonly string[] Languages = ["es", "en", "pt", "fr"];

    [Fact]
    public void Each_language_has_the_same_keys_sorted_and_none_empty()
    {
        var english = Load("en");
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), english.Keys);
        foreach (var lang in Languages)
        {
            var strings = Load(lang);
            Assert.Equal(english.Keys, strings.Keys);
            Assert.All(strings, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{lang}: {s.Key} is empty"));
            Assert.All(strings, s => Assert.Equal(Placeholders(english[s.Key]), Placeholders(s.Value)));
        }
    }

    [Fact]
    public void Every_key_the_account_pages_use_is_defined()
    {
        var defined = Load("en");
        var sources = new[] { "Pages/Account", "Pages/Admin", "Features/Account" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Web, folder), "*.cs*"))
            .Append(Path.Combine(Web, "Pages/Shared/_ErrorSummary.cshtml"));
        var used = sources.SelectMany(file => Key().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToHashSet();
        used.UnionWith(Roles.All.Select(role => "Account.Role." + role));
        used.UnionWith(new[] { "PasswordTooShort", "PasswordRequiresDigit", "PasswordRequiresLower", "PasswordRequiresUpper", "InvalidToken", "PasswordMismatch", "SomethingNew" }
            .Select(IdentityErrors.KeyFor));
        used.UnionWith(new[] { "user", "partner-role", "partner-organisation" }.Select(code => "Admin.Users.Error." + code));

        Assert.True(used.Count > 100, "The key scan found too few keys to be working.");
        Assert.Empty(used.Where(key => !defined.ContainsKey(key)).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Load(string lang) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Web, "Resources", $"account.{lang}.json")))!;

    private static string[] Placeholders(string text) => [.. Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    private static string FindWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CooperaNet.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/CooperaNet.Web not found above the test binaries.");
    }

    /// <summary>A complete key in quotes ("Account.SignIn.Title"); prefixes ending in a dot are built at run time and checked above.</summary>
    [GeneratedRegex(@"""((?:Account|Admin|Form|Api\.Endpoint)\.[A-Za-z0-9.\-]*[A-Za-z0-9])""")]
    private static partial Regex Key();
}
