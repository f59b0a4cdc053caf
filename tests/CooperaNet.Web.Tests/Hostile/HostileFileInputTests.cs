using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Features.Interop;
using CooperaNet.Web.Tests.Experiences;
using CooperaNet.Web.Tests.Partners;
using CooperaNet.Web.Tests.Support;
using CsCheck;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Hostile;

/// <summary>
/// Every importer and upload fed generated damage of a good file (cut short, bytes flipped or inserted,
/// another encoding, control characters, garbage) and hand-made attacks (external entities, entity
/// expansion, compression bombs, cells past the end of a sheet): each answers a report or a 4xx, never
/// 500 or a logged exception, and a refused file, a stopped import or a dry run writes nothing.
/// </summary>
public sealed class HostileFileInputTests(HostileHost host) : IClassFixture<HostileHost>
{
    private const int Cases = 25;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One damaged file: the bytes and whether the import is a dry run.</summary>
    public sealed record Damaged(byte[] Bytes, bool DryRun, string How)
    {
        public override string ToString() => $"{How}, dry run {DryRun}, {Bytes.Length} bytes: {Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 200))}";
    }

    [Fact]
    public async Task Damaged_iati_files_get_a_report_or_a_refusal_and_a_stopped_import_writes_nothing()
    {
        var good = await File.ReadAllBytesAsync(TestFiles.Iati("acfspain-co.xml"), Ct);
        var secretariat = await host.BrowserAsync(Roles.Secretariat);

        await Check.SampleAsync(Damage(good, text: true), file => ImportAsync(secretariat, IatiEndpoints.Imports, "application/xml", file), iter: Cases, threads: 1, print: f => f.ToString());
    }

    [Fact]
    public async Task Damaged_sidicss_csv_and_xlsx_files_get_a_report_or_a_refusal_and_a_stopped_import_writes_nothing()
    {
        var secretariat = await host.BrowserAsync(Roles.Secretariat);
        await AnEntry().Offer().From("CO").Titled("Agua potable rural").Published().SaveAsync(host);
        var csv = await secretariat.Http.GetByteArrayAsync(SidicssEndpoints.Export, Ct);
        var xlsx = await secretariat.Http.GetByteArrayAsync(SidicssEndpoints.Export + "?format=xlsx", Ct);

        await Check.SampleAsync(Damage(csv, text: true), file => ImportAsync(secretariat, SidicssEndpoints.Imports, SidicssEndpoints.CsvType, file), iter: Cases, threads: 1, print: f => f.ToString());
        await Check.SampleAsync(Damage(xlsx, text: false), file => ImportAsync(secretariat, SidicssEndpoints.Imports, SidicssEndpoints.XlsxType, file), iter: Cases, threads: 1, print: f => f.ToString());
    }

    public static TheoryData<string, string> XmlAttacks() => new()
    {
        { "external entity", """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><iati-activities version="2.03">&x;</iati-activities>""" },
        { "external DTD", """<?xml version="1.0"?><!DOCTYPE iati-activities SYSTEM "http://127.0.0.1:9/evil.dtd"><iati-activities version="2.03"/>""" },
        { "parameter entity", """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><iati-activities version="2.03"/>""" },
        { "billion laughs", """<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]><iati-activities version="2.03"><iati-activity><iati-identifier>&i;</iati-identifier></iati-activity></iati-activities>""" },
        { "xinclude", """<?xml version="1.0"?><iati-activities version="2.03" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></iati-activities>""" },
        { "unknown encoding", """<?xml version="1.0" encoding="x-hostile"?><iati-activities version="2.03"/>""" },
        { "utf-16 declared, utf-8 sent", """<?xml version="1.0" encoding="utf-16"?><iati-activities version="2.03"/>""" },
    };

    [Theory]
    [MemberData(nameof(XmlAttacks))]
    public async Task A_hostile_iati_file_is_refused_with_a_report_and_reads_nothing_from_outside(string attack, string xml)
    {
        var secretariat = await host.BrowserAsync(Roles.Secretariat);
        var before = await host.FingerprintAsync();
        var logged = host.Logs.Count;

        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await secretariat.Http.PostAsync(IatiEndpoints.Imports, content, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{attack}: {(int)response.StatusCode} {body}");
        Assert.Contains("\"critical\"", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", body, StringComparison.Ordinal);
        Assert.Empty(host.Logs.Since(logged));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    public static TheoryData<string> WorkbookAttacks() => ["compression bomb", "row past the end of a sheet", "column past XFD", "cell without a column", "wide rows", "not a zip", "empty zip"];

    [Theory]
    [MemberData(nameof(WorkbookAttacks))]
    public async Task A_hostile_workbook_is_refused_with_a_report_and_nothing_changes(string attack)
    {
        var secretariat = await host.BrowserAsync(Roles.Secretariat);
        var file = attack switch
        {
            "compression bomb" => Zip(("xl/worksheets/sheet1.xml", new byte[100 * 1024 * 1024])),
            "row past the end of a sheet" => Sheet("""<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c></row>"""),
            "column past XFD" => Sheet("""<row r="1"><c r="ZZZZZZZZA1" t="inlineStr"><is><t>x</t></is></c></row>"""),
            "cell without a column" => Sheet("""<row r="1"><c r="17" t="inlineStr"><is><t>x</t></is></c></row>"""),
            "wide rows" => Sheet(string.Concat(Enumerable.Range(1, 400).Select(r => $"""<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>"""))),
            "not a zip" => "PK\u0003\u0004 not really a zip"u8.ToArray(),
            _ => Zip(),
        };
        var before = await host.FingerprintAsync();
        var logged = host.Logs.Count;

        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(SidicssEndpoints.XlsxType);
        using var response = await secretariat.Http.PostAsync(SidicssEndpoints.Imports, content, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{attack}: {(int)response.StatusCode} {body}");
        Assert.Equal("sidicss.workbook", JsonDocument.Parse(body).RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Empty(host.Logs.Since(logged));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Damaged_uploads_of_images_pdfs_and_attachments_are_refused_or_stored_whole_never_half()
    {
        var focalPoint = await host.TokenClientAsync(Roles.FocalPoint);
        var secretariat = await host.TokenClientAsync(Roles.Secretariat);
        var experience = await ExperienceData.SaveAsync(host, ExperienceData.Input(), ExperienceStatus.Draft);
        var entry = await AnEntry().Offer().From("CO").Titled("Riego tecnificado").SaveAsync(host);
        var partner = await PartnerData.SaveAsync(host, "Organización " + CatalogPages.PageMatrixHost.Word());
        var jpeg = ExperienceData.JpegWithMetadata(40, 30);
        var targets = new (string Name, HttpClient Who, string Path, byte[] Good, string Type, string? Alt)[]
        {
            ("experience image", focalPoint, $"/api/v1/experiences/{experience.Id}/images", jpeg, "image/jpeg", "Foto del tanque"),
            ("experience attachment", focalPoint, $"/api/v1/experiences/{experience.Id}/attachments", PartnerData.Pdf, "application/pdf", null),
            ("offer attachment", focalPoint, $"/api/v1/offers/{entry.Id}/attachments", PartnerData.Pdf, "application/pdf", null),
            ("agreement document", secretariat, $"/api/v1/partners/{partner.Id}/agreements/{partner.AgreementId}/documents", PartnerData.Pdf, "application/pdf", null),
        };

        foreach (var target in targets)
        {
            // The good file goes in, so the damaged ones reach the same checks.
            using (var accepted = await UploadAsync(target.Who, target.Path, target.Good, target.Type, target.Alt))
            {
                Assert.True(accepted.IsSuccessStatusCode, $"{target.Name}: the good file answered {(int)accepted.StatusCode}");
            }

            await Check.SampleAsync(
                Damage(target.Good, text: false),
                async file =>
                {
                    var before = await host.FingerprintAsync();
                    var logged = host.Logs.Count;
                    using var response = await UploadAsync(target.Who, target.Path, file.Bytes, target.Type, target.Alt);
                    Expect(response, logged, before, await host.FingerprintAsync(), refusedWritesNothing: true);
                },
                iter: Cases,
                threads: 1,
                print: f => $"{target.Name}: {f}");
        }
    }

    private async Task ImportAsync(AccountClient browser, string path, string type, Damaged file)
    {
        var before = await host.FingerprintAsync();
        var logged = host.Logs.Count;
        using var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var response = await browser.Http.PostAsync(path + (file.DryRun ? "?dryRun=true" : string.Empty), content, Ct);
        var after = await host.FingerprintAsync();
        Expect(response, logged, before, after, refusedWritesNothing: true);
        if (file.DryRun && after != before)
        {
            throw new InvalidOperationException($"A dry run wrote:\nbefore {before}\nafter  {after}");
        }

        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest))
        {
            throw new InvalidOperationException($"Answered {(int)response.StatusCode}");
        }
    }

    private void Expect(HttpResponseMessage response, long logged, string before, string after, bool refusedWritesNothing)
    {
        var status = (int)response.StatusCode;
        var errors = host.Logs.Since(logged);
        if (status >= 500 || errors.Count > 0)
        {
            throw new InvalidOperationException($"Answered {status} and logged:\n{string.Join("\n", errors)}");
        }

        if (refusedWritesNothing && status >= 400 && after != before)
        {
            throw new InvalidOperationException($"Answered {status} but wrote:\nbefore {before}\nafter  {after}");
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient who, string path, byte[] bytes, string type, string? alt)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", type == "application/pdf" ? "file.pdf" : "photo.jpg");
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "altText");
        }

        return await who.PostAsync(path, form, Ct);
    }

    /// <summary>A good file damaged one of several ways; text files also re-encoded or given control characters.</summary>
    private static Gen<Damaged> Damage(byte[] good, bool text)
    {
        var at = Gen.Int[0, Math.Max(0, good.Length - 1)];
        var ways = new List<(int, Gen<(byte[], string)>)>
        {
            (3, at.Select(n => (good[..n], $"cut at {n}"))),
            (3, Gen.Select(at.Array[1, 8], Gen.Byte.Array[8], (where, values) => (Flip(good, where, values), $"bytes at {string.Join(",", where)} changed"))),
            (2, Gen.Select(at, Gen.Byte.Array[1, 64], (n, noise) => ((byte[])[.. good[..n], .. noise, .. good[n..]], $"{noise.Length} bytes inserted at {n}"))),
            (1, Gen.Byte.Array[0, 2000].Select(noise => (noise, "garbage"))),
            (1, Gen.Const(((byte[])[], "empty"))),
        };
        if (text)
        {
            var decoded = Encoding.UTF8.GetString(good);
            ways.Add((2, Gen.OneOf(Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.Latin1, Encoding.UTF32).Select(e => (e.GetBytes(decoded), "re-encoded as " + e.WebName))));
            ways.Add((2, Gen.Select(at, Gen.Char['\0', '\u001f'].Array[1, 10], (n, controls) => ((byte[])[.. good[..n], .. Encoding.UTF8.GetBytes(controls), .. good[n..]], $"control characters at {n}"))));
            ways.Add((1, Gen.Select(at, Gen.Int[10_000, 200_000], (n, size) => ((byte[])[.. good[..n], .. Encoding.UTF8.GetBytes(new string('\u00e9', size)), .. good[n..]], $"{size} characters at {n}"))));
            ways.Add((1, Gen.Const(((byte[])[0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, .. good], "invalid UTF-8 first"))));
        }

        return Gen.Select(Gen.Frequency([.. ways]), Gen.Bool, (damage, dryRun) => new Damaged(damage.Item1, dryRun, damage.Item2));
    }

    private static byte[] Flip(byte[] good, int[] where, byte[] values)
    {
        var copy = (byte[])good.Clone();
        for (var i = 0; i < where.Length && copy.Length > 0; i++)
        {
            copy[where[i] % copy.Length] ^= (byte)(values[i] | 1);
        }

        return copy;
    }

    private static byte[] Sheet(string rows) => Zip(
        ("[Content_Types].xml", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""")),
        ("_rels/.rels", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""")),
        ("xl/workbook.xml", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""")),
        ("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""")),
        ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""")));

    private static byte[] Zip(params (string Name, byte[] Content)[] parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var part = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                part.Write(content);
            }
        }

        return output.ToArray();
    }
}
