using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// Answers 503 with Retry-After, not 500, when the database cannot be reached: a localized problem for
/// the API, the error page in the user's language for pages. Nothing is retried here (the code's
/// explicit transactions would not survive it); the next request simply gets a fresh connection,
/// and Npgsql's pool drops the broken ones, so the app recovers by itself once the database is back.
/// Two people saving the same record at the same moment: the second save finds the row changed under it
/// (EF's concurrency check) and is answered 409 in the same way, nothing of it written.
/// </summary>
public sealed partial class DatabaseFaults(RequestDelegate next, ILogger<DatabaseFaults> logger)
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        // What the middleware before this one set (the security headers) survives the cleared response.
        var earlier = context.Response.Headers.ToList();
        try
        {
            await next(context);
        }
        catch (Exception error) when (IsUnavailable(error) && !context.Response.HasStarted)
        {
            LogUnavailable(logger, context.Request.Method, context.Request.Path, error.GetBaseException().GetType().Name);
            await AnswerAsync(context, error, earlier, Unavailable);
        }
        catch (DbUpdateException error) when (IsSimultaneousSave(error) && !context.Response.HasStarted)
        {
            LogConflict(logger, context.Request.Method, context.Request.Path);
            await AnswerAsync(context, error, earlier, Conflict);
        }
    }

    /// <summary>
    /// True when a save met another save of the same record: the row changed or went under it (EF's
    /// concurrency check), or the other save had just inserted the same child rows (a unique key).
    /// </summary>
    public static bool IsSimultaneousSave(DbUpdateException error)
    {
        return error is DbUpdateConcurrencyException || Application.FollowUp.UniqueViolations.Caused(error);
    }

    /// <summary>How one kind of fault is answered: status, resource keys, and whether to ask for a retry later.</summary>
    private sealed record Fault(int Status, string Key, bool RetryLater)
    {
        public string ErrorPath => "/error/" + Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly Fault Unavailable = new(StatusCodes.Status503ServiceUnavailable, "Resilience.Unavailable", RetryLater: true);

    private static readonly Fault Conflict = new(StatusCodes.Status409Conflict, "Resilience.Conflict", RetryLater: false);

    /// <summary>
    /// True for a database that is down, unreachable, restarting or too busy: SQLite busy or locked
    /// beyond its timeout, a PostgreSQL connection or shutdown error, a socket error, whether or not
    /// EF wrapped them (DbUpdateException...). False for errors in the request itself (constraints, SQL).
    /// </summary>
    public static bool IsUnavailable(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 14:
                    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN
                    return true;
                case PostgresException postgres:
                    // 08: connection exception; 57P01-03: shutting down or starting; 53300: too many connections.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                case NpgsqlException:
                    // Not an error the server sent: the connection could not be made or was lost.
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    private async Task AnswerAsync(HttpContext context, Exception error, List<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> earlier, Fault fault)
    {
        // The culture the localization middleware chose was set further down the pipeline, not here: set it again.
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            System.Globalization.CultureInfo.CurrentCulture = culture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture.UICulture;
        }

        var response = context.Response;
        response.Clear();
        foreach (var (name, value) in earlier)
        {
            response.Headers[name] = value;
        }

        SetStatus(response, fault);
        response.Headers.CacheControl = "no-store";
        if (context.Request.IsApi())
        {
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<Program>>();
            await Results.Problem(statusCode: fault.Status, title: text[fault.Key + ".Title"], detail: text[fault.Key + ".Problem"])
                .ExecuteAsync(context);
            return;
        }

        // Render the error page as UseExceptionHandler would: same request, error path, language of the original page.
        var originalPath = context.Request.Path;
        context.Features.Set<IExceptionHandlerPathFeature>(new ExceptionHandlerFeature { Error = error, Path = originalPath, Endpoint = context.GetEndpoint(), RouteValues = context.Request.RouteValues });
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        context.Request.Path = fault.ErrorPath;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        catch (Exception again) when (IsUnavailable(again) && !response.HasStarted)
        {
            // The error page itself needed the database (a signed-in user's session check): plain text, still localized.
            response.Clear();
            foreach (var (name, value) in earlier)
            {
                response.Headers[name] = value;
            }

            SetStatus(response, fault);
            response.ContentType = "text/plain; charset=utf-8";
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<Program>>();
            await response.WriteAsync(text[fault.Key + ".Body"], context.RequestAborted);
        }
        finally
        {
            context.Request.Path = originalPath;
        }
    }

    private static void SetStatus(HttpResponse response, Fault fault)
    {
        response.StatusCode = fault.Status;
        if (fault.RetryLater)
        {
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} saved a record another request had just changed; answered 409")]
    private static partial void LogConflict(ILogger logger, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {ErrorType}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, string errorType);
}
