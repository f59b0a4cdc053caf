using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CooperaNet.Application.Idempotency;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// Applies an API write sent with an <c>Idempotency-Key</c> header once. The first request runs and its
/// response (status, the headers that matter, body) is stored with the key, the user and a hash of the
/// request; a retry of the same request gets the stored response with <c>Idempotent-Replayed: true</c>;
/// the same key on a different request gets 422; a retry while the first still runs gets 409, and so does a
/// retry of a request whose change was saved by an instance that stopped before storing the response.
/// Keys belong to a signed-in user; anonymous writes are passed through unchanged.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string KeyHeader = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    private const int MaxKeyLength = 200;

    /// <summary>The response header fields a retry gets back besides the status and body.</summary>
    private static readonly string[] KeptHeaders = ["Content-Type", "Location", "ETag", "Last-Modified", "Content-Language"];

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store, IdempotencyClaim claim, IStringLocalizer<Program> text)
    {
        var request = context.Request;
        var keys = request.Headers[KeyHeader];
        var owner = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (keys.Count == 0 || owner is null || !request.IsApi() || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method)))
        {
            await next(context);
            return;
        }

        var key = keys.Count == 1 ? keys[0] : null;
        if (key is null || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, text["Problem.Validation"], text["Resilience.Idempotency.InvalidKey"]);
            return;
        }

        var cancellationToken = context.RequestAborted;
        var (outcome, stored) = await store.ClaimAsync(owner, key, await HashAsync(request, cancellationToken), cancellationToken);
        switch (outcome)
        {
            case IdempotencyOutcome.Mismatch:
                await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, text["Resilience.Idempotency.Mismatch.Title"], text["Resilience.Idempotency.Mismatch"]);
                return;
            case IdempotencyOutcome.InProgress:
                context.Response.Headers.RetryAfter = "1";
                await ProblemAsync(context, StatusCodes.Status409Conflict, text["Resilience.Idempotency.InProgress.Title"], text["Resilience.Idempotency.InProgress"]);
                return;
            case IdempotencyOutcome.Applied:
                await ProblemAsync(context, StatusCodes.Status409Conflict, text["Resilience.Idempotency.Applied.Title"], text["Resilience.Idempotency.Applied"]);
                return;
            case IdempotencyOutcome.Replay:
                await ReplayAsync(context.Response, stored!, cancellationToken);
                return;
        }

        // The request's first save marks the claim as applied in the same transaction (IdempotencyInterceptor).
        claim.Set(owner, key);
        await RunAndStoreAsync(context, store, owner, key);
    }

    private async Task RunAndStoreAsync(HttpContext context, IdempotencyStore store, string owner, string key)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            // Nothing worth replaying: let a retry run the request again. Best effort, as the database may be what failed.
            await TryReleaseAsync(store, owner, key);
            throw;
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await TryReleaseAsync(store, owner, key);
        }
        else
        {
            var headers = string.Concat(KeptHeaders.Where(h => response.Headers.ContainsKey(h)).Select(h => $"{h}: {response.Headers[h]}\n"));
            // The write is done: storing its response must not be cut short by a client that stopped waiting.
            await store.CompleteAsync(owner, key, response.StatusCode, headers.Length == 0 ? null : headers, buffer.ToArray(), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task TryReleaseAsync(IdempotencyStore store, string owner, string key)
    {
        try
        {
            await store.ReleaseAsync(owner, key, CancellationToken.None);
        }
        catch (Exception error) when (DatabaseFaults.IsUnavailable(error))
        {
            // The claim stays until it is abandoned (IdempotencyStore.Abandoned); a retry meanwhile gets 409.
        }
    }

    private static async Task ReplayAsync(HttpResponse response, IdempotencyRecord stored, CancellationToken cancellationToken)
    {
        response.StatusCode = stored.StatusCode!.Value;
        foreach (var line in (stored.Headers ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            response.Headers[line[..colon]] = line[(colon + 2)..];
        }

        response.Headers[ReplayedHeader] = "true";
        if (stored.Body is { Length: > 0 } body)
        {
            await response.Body.WriteAsync(body, cancellationToken);
        }
    }

    /// <summary>SHA-256 of what makes two requests the same request: method, path, query, content type and body.</summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n{request.ContentType}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
