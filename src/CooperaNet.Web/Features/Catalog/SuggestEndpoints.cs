using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Catalog;

public sealed record ClassificationRequest(string? Title, string? Description, string? Language);

public static class SuggestEndpoints
{
    public static IEndpointRouteBuilder MapSuggestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/suggest/classification", async (ClassificationRequest? request, ClassificationSuggester suggester, IStringLocalizer<Program> text) =>
            {
                var errors = new List<FieldError>();
                if (request is null || (string.IsNullOrWhiteSpace(request.Title) && string.IsNullOrWhiteSpace(request.Description)))
                {
                    errors.Add(new FieldError("title", "required"));
                }
                else if ((request.Title?.Length ?? 0) > EntryValidation.TitleMax || (request.Description?.Length ?? 0) > EntryValidation.DescriptionMax)
                {
                    errors.Add(new FieldError("description", "length", 0, EntryValidation.DescriptionMax));
                }

                if (request is not null && !Languages.IsSupported(request.Language))
                {
                    errors.Add(new FieldError("language", "language"));
                }

                if (errors.Count > 0)
                {
                    return Problems.Validation(text, errors);
                }

                return TypedResults.Ok(await suggester.SuggestAsync(request!.Title, request.Description, request.Language!));
            })
            .WithTags("Catalog")
            .AllowAnonymous().WithName("SuggestClassification")
            .WithSummary("Ranked DAC sectors and SDGs for a title and description, in their language: {title, description, language}.")
            .Produces<ClassificationSuggestions>()
            .ProducesValidationProblem();
        return routes;
    }
}
