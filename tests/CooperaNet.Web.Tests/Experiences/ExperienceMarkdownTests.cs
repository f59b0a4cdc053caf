using CooperaNet.Application.Experiences;

namespace CooperaNet.Web.Tests.Experiences;

/// <summary>The body of an experience is Markdown from anyone who may write one: nothing in it may run in a reader's browser.</summary>
public sealed class ExperienceMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Texto <script src=\"https://evil.example/x.js\"></script> más texto")]
    [InlineData("<div onclick=\"alert(1)\">haga clic</div>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">enlace</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<style>body{display:none}</style>")]
    public void Raw_html_comes_out_as_text_never_as_elements(string markdown)
    {
        var html = ExperienceMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(?i)<a\\s[^>]*href", html);
        Assert.DoesNotMatch("(?i)<[a-z][^>]*\\son[a-z]+=", html);
    }

    [Theory]
    [InlineData("[haga clic](javascript:alert(1))")]
    [InlineData("[haga clic](JaVaScRiPt:alert(1))")]
    [InlineData("[haga clic](  javascript:alert(document.cookie))")]
    [InlineData("[haga clic](java&#x09;script:alert(1))")]
    [InlineData("[haga clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[haga clic](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[haga clic][x]\n\n[x]: javascript:alert(1)")]
    public void Links_other_than_http_https_and_mailto_lose_their_address(string markdown)
    {
        var html = ExperienceMarkdown.ToHtml(markdown);

        // The words may stay as text; no element carries an address.
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("![foto](javascript:alert(1))")]
    [InlineData("![foto](https://tracker.example/pixel.gif)")]
    [InlineData("![foto](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![foto](//evil.example/api/v1/experiences/x.png)")]
    public void Images_from_anywhere_but_the_experiences_own_are_dropped_keeping_their_description(string markdown)
    {
        var html = ExperienceMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("foto", html);
    }

    [Fact]
    public void Markdown_formatting_and_safe_links_survive()
    {
        var html = ExperienceMarkdown.ToHtml(
            "# Resultados\n\nLas juntas de **Cauca** operan *solas*.\n\n- [Informe](https://www.apccolombia.gov.co/informe)\n- [Escríbanos](mailto:info@example.org)\n\n" +
            "![Una junta de agua](/api/v1/experiences/0193/images/0194)");

        Assert.Contains("<h2>Resultados</h2>", html);
        Assert.Contains("<strong>Cauca</strong>", html);
        Assert.Contains("<em>solas</em>", html);
        Assert.Contains("<a href=\"https://www.apccolombia.gov.co/informe\" rel=\"nofollow noopener noreferrer\">Informe</a>", html);
        Assert.Contains("<a href=\"mailto:info@example.org\" rel=\"nofollow noopener noreferrer\">Escríbanos</a>", html);
        Assert.Contains("<img src=\"/api/v1/experiences/0193/images/0194\" alt=\"Una junta de agua\">", html);
    }

    [Fact]
    public void A_script_typed_in_the_text_is_shown_as_text()
    {
        var html = ExperienceMarkdown.ToHtml("Escribimos <script>alert(1)</script> en el texto.");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }
}
