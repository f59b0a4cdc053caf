using System.Xml;
using System.Xml.Schema;

namespace CooperaNet.Application.Interop.Iati;

/// <summary>A place where an IATI file breaks the schema.</summary>
public sealed record SchemaFinding(int Line, int Column, string Message);

/// <summary>
/// The official IATI 2.03 activity schema, embedded, checking a file as it streams past: the whole
/// document is never in memory, DTDs are refused and no external entity is ever fetched.
/// </summary>
public static class IatiSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>The compiled schema, for a reader that validates while it reads.</summary>
    public static XmlSchemaSet Set => Schemas.Value;

    /// <summary>Every finding in the document, up to <paramref name="limit"/>; none when it is valid.</summary>
    public static IReadOnlyList<SchemaFinding> Validate(Stream document, int limit = 100)
    {
        var findings = new List<SchemaFinding>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (findings.Count < limit)
            {
                findings.Add(new SchemaFinding(e.Exception.LineNumber, e.Exception.LinePosition, e.Message));
            }
        };
        try
        {
            using var reader = XmlReader.Create(document, settings);
            while (reader.Read() && findings.Count < limit)
            {
            }
        }
        catch (XmlException ex)
        {
            findings.Add(new SchemaFinding(ex.LineNumber, ex.LinePosition, ex.Message));
        }

        return findings;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver() };
        using var stream = EmbeddedResolver.Open("iati-activities-schema.xsd");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }, "embedded:///iati-activities-schema.xsd");
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>Serves the schema's include and import from the assembly, and nothing else.</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public static Stream Open(string name) =>
            typeof(IatiSchema).Assembly.GetManifestResourceStream($"CooperaNet.Iati.{name}")
            ?? throw new InvalidOperationException($"The IATI schema file {name} is missing.");

        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) => Open(Path.GetFileName(absoluteUri.AbsolutePath));

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) => new($"embedded:///{Path.GetFileName(relativeUri ?? string.Empty)}");
    }
}
