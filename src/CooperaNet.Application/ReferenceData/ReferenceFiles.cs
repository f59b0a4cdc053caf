using System.Security.Cryptography;
using System.Text;

namespace CooperaNet.Application.ReferenceData;

/// <summary>The reference files shipped inside the assembly (see ReferenceData/Data/SOURCES.md).</summary>
internal static class ReferenceFiles
{
    public static string Read(string fileName)
    {
        using var stream = typeof(ReferenceFiles).Assembly.GetManifestResourceStream("CooperaNet.ReferenceData." + fileName)
            ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>SHA-256 over the named files, in order: changes when any shipped byte changes.</summary>
    public static string HashOf(IEnumerable<string> fileNames)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in fileNames)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(Encoding.UTF8.GetBytes(Read(name)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
