using CooperaNet.Application.Catalog;
using CooperaNet.Domain.Catalog;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Infrastructure;

/// <summary>Expected failures as RFC 9457 problem details, in the caller's language.</summary>
public static class Problems
{
    /// <summary>400 naming each field and what is wrong with it.</summary>
    public static IResult Validation(IStringLocalizer text, IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => Message(text, e)).Distinct().ToArray()),
            title: text["Problem.Validation"]);

    public static string Message(IStringLocalizer text, FieldError error) => text["Error." + error.Code, error.Arguments].Value;

    public static IResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Problem.NotFound"]);

    /// <summary>404 saying why: <paramref name="code"/> names the message.</summary>
    public static IResult NotFound(IStringLocalizer text, string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Problem.NotFound"], detail: text["Error." + code], type: "urn:cooperanet:" + code);

    public static IResult Forbidden(IStringLocalizer text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Problem.Forbidden"], detail: text["Error.entry.forbidden"]);

    /// <summary>409: the entry's state does not allow the change.</summary>
    public static IResult Conflict(IStringLocalizer text, EntryError error) => Conflict(text, error.Code);

    /// <summary>409: the resource's state does not allow the change; <paramref name="code"/> names why.</summary>
    public static IResult Conflict(IStringLocalizer text, string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Problem.Conflict"], detail: text["Error." + code], type: "urn:cooperanet:" + code);

    /// <summary>The problem for a refused write, whichever feature refused it: 404, 403, 400 with the fields, or 409 with why.</summary>
    public static IResult Refused(IStringLocalizer text, Features.Catalog.EntryRefusal refusal, IEnumerable<FieldError>? errors, string? conflict) => refusal switch
    {
        Features.Catalog.EntryRefusal.NotFound => conflict is null ? NotFound(text) : NotFound(text, conflict),
        Features.Catalog.EntryRefusal.Forbidden => Forbidden(text),
        Features.Catalog.EntryRefusal.Invalid => Validation(text, errors ?? []),
        _ => Conflict(text, conflict ?? "entry.illegal-transition"),
    };
}
