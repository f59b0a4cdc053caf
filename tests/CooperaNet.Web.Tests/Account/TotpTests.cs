using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.Account;

/// <summary>The tests' authenticator must agree with RFC 6238, or a passing two-factor test proves nothing.</summary>
public sealed class TotpTests
{
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected)
    {
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890" in base32

        Assert.Equal(expected, Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }
}
