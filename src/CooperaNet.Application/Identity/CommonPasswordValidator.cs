using Microsoft.AspNetCore.Identity;

namespace CooperaNet.Application.Identity;

/// <summary>
/// Refuses a password that is on the list of the 10,000 most common ones (Identity/Data/SOURCES.md),
/// also when it only adds digits or symbols around a listed one ("iloveyou2026!") or repeats one
/// ("monkeymonkey"). Case is ignored. The length rule stays Identity's.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>The error code; the pages show "Security.PasswordCommon" in their language.</summary>
    public const string Code = "PasswordCommon";

    /// <summary>What the command line prints (in English, as the rest of its messages).</summary>
    public const string Description = "This password is on a list of common passwords. Choose a longer phrase of your own.";

    /// <summary>Digits, spaces and ASCII symbols people add around a word to pass composition rules.</summary>
    private static readonly char[] Decorations = [.. "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Description })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(lower))
        {
            return true;
        }

        var core = lower.AsSpan().Trim(Decorations);
        if (core.IsEmpty)
        {
            return false;
        }

        // "passwordpassword": a listed password said n times.
        for (var length = 1; length <= core.Length; length++)
        {
            if (core.Length % length == 0 && IsRepeated(core, length) && List.Value.Contains(core[..length].ToString()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRepeated(ReadOnlySpan<char> text, int length)
    {
        for (var i = length; i < text.Length; i += length)
        {
            if (!text.Slice(i, length).SequenceEqual(text[..length]))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CooperaNet.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
