using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Interop.OpenData;

/// <summary>A published file on disk: where it is, its size, its entity tag (the SHA-256 of its bytes) and when it was generated.</summary>
public sealed record OpenDataFile(string Path, long Size, string ETag, DateTimeOffset LastModified);

/// <summary>The current package and IATI file of this instance; no IATI file while nothing public exists.</summary>
public sealed record OpenDataSnapshot(OpenDataFile Package, OpenDataFile? Iati);

/// <summary>
/// Keeps this instance's copy of the open-data files under <see cref="OpenDataOptions.Folder"/>: rebuilt
/// when missing or older than <see cref="OpenDataOptions.MaxAge"/>, one build at a time, written to
/// temporary files and moved into place so a reader never sees half a file. Instances may share the
/// folder: an instance finding files another one built uses them instead of building its own.
/// </summary>
public sealed partial class OpenDataFiles(IServiceScopeFactory scopes, IOptions<OpenDataOptions> options, TimeProvider clock, ILogger<OpenDataFiles> logger) : IDisposable
{
    private readonly SemaphoreSlim building = new(1, 1);
    private OpenDataSnapshot? current;

    private string Folder => options.Value.Folder ?? throw new InvalidOperationException($"{OpenDataOptions.Section}:Folder is not set.");

    /// <summary>The current files, rebuilt first when missing or stale.</summary>
    public async Task<OpenDataSnapshot> CurrentAsync(CancellationToken ct = default) => (await EnsureAsync(ct)).Snapshot;

    /// <summary>Rebuilds the files when missing or stale; returns whether it did.</summary>
    public async Task<bool> RefreshIfStaleAsync(CancellationToken ct = default) => (await EnsureAsync(ct)).Built;

    private async Task<(OpenDataSnapshot Snapshot, bool Built)> EnsureAsync(CancellationToken ct)
    {
        if (Fresh(current) is { } snapshot)
        {
            return (snapshot, false);
        }

        await building.WaitAsync(ct);
        try
        {
            // Another instance sharing the folder may have built fresh files meanwhile: use them.
            current = ReadFromDisk();
            if (Fresh(current) is { } found)
            {
                return (found, false);
            }

            current = await BuildAsync(ct);
            return (current, true);
        }
        finally
        {
            building.Release();
        }
    }

    public void Dispose() => building.Dispose();

    /// <summary>
    /// The snapshot while its files are on disk as it describes them and younger than the maximum age. A file
    /// replaced by another instance sharing the folder no longer matches, so its entity tag is never served
    /// with the other instance's bytes.
    /// </summary>
    private OpenDataSnapshot? Fresh(OpenDataSnapshot? snapshot) =>
        snapshot is not null && OnDisk(snapshot.Package) && (snapshot.Iati is null || OnDisk(snapshot.Iati))
            && clock.GetUtcNow() - snapshot.Package.LastModified < options.Value.MaxAge
            ? snapshot
            : null;

    private static bool OnDisk(OpenDataFile file)
    {
        var info = new FileInfo(file.Path);
        return info.Exists && info.Length == file.Size && info.LastWriteTimeUtc == file.LastModified.UtcDateTime;
    }

    /// <summary>The files a previous run left.</summary>
    private OpenDataSnapshot? ReadFromDisk()
    {
        var zip = Path.Combine(Folder, OpenDataPackage.ZipName);
        var xml = Path.Combine(Folder, OpenDataPackage.IatiName);
        return File.Exists(zip) ? new OpenDataSnapshot(Describe(zip), File.Exists(xml) ? Describe(xml) : null) : null;
    }

    private async Task<OpenDataSnapshot> BuildAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var suffix = $".{Guid.NewGuid():N}.tmp";
        var zip = Path.Combine(Folder, OpenDataPackage.ZipName);
        var xml = Path.Combine(Folder, OpenDataPackage.IatiName);
        try
        {
            OpenDataBuild build;
            await using (var zipStream = new FileStream(zip + suffix, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var xmlStream = new FileStream(xml + suffix, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            await using (var scope = scopes.CreateAsyncScope())
            {
                build = await scope.ServiceProvider.GetRequiredService<OpenDataPackage>().WriteAsync(zipStream, xmlStream, options.Value.PublicBaseUrl, ct);
            }

            File.SetLastWriteTimeUtc(zip + suffix, build.Generated.UtcDateTime);
            File.SetLastWriteTimeUtc(xml + suffix, build.Generated.UtcDateTime);
            if (build.Activities > 0)
            {
                File.Move(xml + suffix, xml, overwrite: true);
            }
            else
            {
                File.Delete(xml);
            }

            File.Move(zip + suffix, zip, overwrite: true);
            var snapshot = new OpenDataSnapshot(Describe(zip), build.Activities > 0 ? Describe(xml) : null);
            LogBuilt(logger, snapshot.Package.Size, build.Generated);
            return snapshot;
        }
        finally
        {
            File.Delete(zip + suffix);
            File.Delete(xml + suffix);
        }
    }

    private static OpenDataFile Describe(string path)
    {
        var info = new FileInfo(path);
        using var stream = info.OpenRead();
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new OpenDataFile(path, info.Length, $"\"{hash}\"", new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }

    [LoggerMessage(LogLevel.Information, "Built the open-data package ({Size} bytes) generated at {Generated}")]
    private static partial void LogBuilt(ILogger logger, long size, DateTimeOffset generated);
}
