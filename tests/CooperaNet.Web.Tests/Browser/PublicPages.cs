using CooperaNet.Domain;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The pages anyone can open, in every language; the browser tests check each of them.</summary>
public static class PublicPages
{
    public const string NotFound = "/no-such-page";

    private static readonly string[] Paths = ["/", "/work-plan", "/api-reference", "/account/sign-in", "/account/forgot-password"];

    /// <summary>Every page with the status it must answer: 200, or 404 for the deliberate missing page.</summary>
    public static TheoryData<string, int> All
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var lang in Languages.All)
            {
                foreach (var path in Paths)
                {
                    data.Add($"/{lang}{path}", 200);
                }

                data.Add($"/{lang}{NotFound}", 404);
            }

            return data;
        }
    }

    public static TheoryData<string> LanguageCodes => new(Languages.All);

    public static bool Contains(string path) => All.Any(row => row.Data.Item1 == path);
}
