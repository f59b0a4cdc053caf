using System.Text;

namespace CooperaNet.Application.Reports.Rendering;

/// <summary>Text made safe for HTML, XHTML and SVG alike: the five markup characters escaped, characters XML forbids dropped.</summary>
internal static class MarkupText
{
    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case < ' ' when c is not ('\t' or '\n' or '\r'): break;
                case '\uFFFE' or '\uFFFF': break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
