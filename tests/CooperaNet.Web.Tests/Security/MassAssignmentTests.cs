using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Events;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.Events;
using CooperaNet.Web.Tests.Experiences;
using CooperaNet.Web.Tests.Hostile;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Security;

/// <summary>
/// Fields only the secretariat or the platform sets (status, publication, the owning state, the author, ids,
/// creation, deletion) cannot be set by a focal point through the API: sent in a body they are ignored and the
/// stored row keeps what a focal point may have; the secretariat's own moves refuse the focal point. No
/// endpoint or page binds a domain entity, so a new field of an entity never becomes writable by accident.
/// </summary>
public sealed class MassAssignmentTests(HostileHost host) : IClassFixture<HostileHost>
{
    private static readonly Guid ChosenId = Guid.Parse("0badc0de-0000-4000-8000-000000000001");

    /// <summary>What a hostile client adds to a body: every privileged field under the names it could have.</summary>
    private static readonly Dictionary<string, JsonNode?> Privileged = new()
    {
        ["id"] = ChosenId.ToString(),
        ["status"] = "published",
        ["moderationStatus"] = "approved",
        ["stateCode"] = "BR",
        ["state"] = "BR",
        ["authorId"] = ChosenId.ToString(),
        ["createdBy"] = ChosenId.ToString(),
        ["proposedById"] = ChosenId.ToString(),
        ["createdAt"] = "2001-01-01T00:00:00Z",
        ["publishedAt"] = "2001-01-01T00:00:00Z",
        ["deletedAt"] = "2001-01-01T00:00:00Z",
        ["isDeleted"] = true,
        ["lastChangedBySecretariat"] = true,
        ["returnComment"] = "Aprobado por la secretaría",
        ["registered"] = 999,
    };

    [Fact]
    public void No_endpoint_or_page_binds_a_domain_entity()
    {
        var domain = typeof(CatalogEntry).Assembly;
        var bound = new List<string>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var types = endpoint.Metadata.OfType<MethodInfo>().SelectMany(m => m.GetParameters()).Select(p => p.ParameterType)
                .Append(endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
            bound.AddRange(types.Where(t => IsEntity(t, domain)).Select(t => $"{endpoint.RoutePattern.RawText}: {t!.Name}"));
        }

        foreach (var page in typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))))
        {
            var bindsAll = page.GetCustomAttribute<BindPropertiesAttribute>() is not null;
            bound.AddRange(page.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => bindsAll || p.GetCustomAttribute<BindPropertyAttribute>() is not null)
                .Where(p => IsEntity(p.PropertyType, domain) || p.PropertyType.GetProperties().Any(inner => IsEntity(inner.PropertyType, domain)))
                .Select(p => $"{page.Name}.{p.Name}: {p.PropertyType.Name}"));
            bound.AddRange(page.GetMethods().Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters()).Where(p => IsEntity(p.ParameterType, domain))
                .Select(p => $"{page.Name}({p.Name}): {p.ParameterType.Name}"));
        }

        Assert.True(bound.Count == 0, "Binds a domain entity (use a request record with only the fields the caller may set):\n" + string.Join('\n', bound));

        // The check sees what it looks for: the domain has entities, and the catalog's endpoints take a request record.
        Assert.True(IsEntity(typeof(CatalogEntry), domain));
        Assert.False(IsEntity(typeof(Application.Catalog.EntryInput), domain));
    }

    [Fact]
    public async Task A_new_offer_keeps_its_focal_points_state_and_starts_as_a_draft_whatever_the_body_says()
    {
        var colombia = await CrossState.FocalPointAsync(host, "CO");
        var title = "Oferta con campos ajenos " + Guid.NewGuid().ToString("N")[..8];

        using var response = await colombia.Api.PostAsync("/api/v1/offers", Body(AnEntry().Offer().Titled(title).Input()), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        await using var db = host.NewDbContext();
        var entry = await db.Entries.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Title == title, TestContext.Current.CancellationToken);
        Assert.Equal("CO", entry.StateCode);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.NotEqual(ChosenId, entry.Id);
        Assert.Null(entry.PublishedAt);
        Assert.Null(entry.DeletedAt);
        Assert.Null(entry.ReturnComment);
        Assert.False(entry.LastChangedBySecretariat);
        Assert.True(entry.CreatedAt.Year > 2001);
    }

    [Fact]
    public async Task Updating_an_offer_cannot_move_it_to_another_state_publish_or_delete_it()
    {
        var colombia = await CrossState.FocalPointAsync(host, "CO");
        var draft = await AnEntry().Demand().From("CO").Titled("Demanda a cambiar").SaveAsync(host);
        var title = "Demanda cambiada " + Guid.NewGuid().ToString("N")[..8];

        using var response = await colombia.Api.PutAsync($"/api/v1/demands/{draft.Id}", Body(AnEntry().Demand().Titled(title).Input()), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        await using var db = host.NewDbContext();
        var entry = await db.Entries.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == draft.Id, TestContext.Current.CancellationToken);
        Assert.Equal(title, entry.Title);
        Assert.Equal("CO", entry.StateCode);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Null(entry.PublishedAt);
        Assert.Null(entry.DeletedAt);
        // PostgreSQL keeps microseconds, .NET ticks of 100 ns: the same instant as stored.
        Assert.Equal(draft.CreatedAt.Ticks / 10, entry.CreatedAt.Ticks / 10);
        Assert.False(await db.Entries.IgnoreQueryFilters().AnyAsync(e => e.Id == ChosenId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_new_experience_is_its_writers_own_states_draft_whatever_the_body_says()
    {
        var colombia = await CrossState.FocalPointAsync(host, "CO");
        var title = "Experiencia con campos ajenos " + Guid.NewGuid().ToString("N")[..8];

        using var response = await colombia.Api.PostAsync("/api/v1/experiences", Body(ExperienceData.Input(title)), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        await using var db = host.NewDbContext();
        var experience = await db.Experiences.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Title == title, TestContext.Current.CancellationToken);
        Assert.Equal("CO", experience.StateCode);
        Assert.Equal(ExperienceStatus.Draft, experience.Status);
        Assert.Equal(colombia.UserId, experience.AuthorId);
        Assert.NotEqual(ChosenId, experience.Id);
        Assert.Null(experience.PublishedAt);
        Assert.Null(experience.DeletedAt);
        Assert.Null(experience.ReturnComment);
    }

    [Fact]
    public async Task A_proposed_event_stays_a_proposal_of_its_proposer_whatever_the_body_says()
    {
        var colombia = await CrossState.FocalPointAsync(host, "CO");
        var title = "Evento con campos ajenos " + Guid.NewGuid().ToString("N")[..8];

        using var response = await colombia.Api.PostAsync("/api/v1/events/proposals", Body(EventData.Json(title)), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        await using var db = host.NewDbContext();
        var proposal = await db.Events.AsNoTracking().SingleAsync(e => e.Title == title, TestContext.Current.CancellationToken);
        Assert.Equal(EventStatus.Proposed, proposal.Status);
        Assert.Equal(colombia.UserId, proposal.ProposedById);
        Assert.NotEqual(ChosenId, proposal.Id);
        Assert.Null(proposal.PublishedAt);
        Assert.Equal(0, proposal.Registered);
    }

    [Fact]
    public async Task The_secretariats_own_moves_refuse_the_focal_point_of_the_records_state()
    {
        var colombia = await CrossState.FocalPointAsync(host, "CO");
        var submitted = await AnEntry().Offer().From("CO").Titled("Oferta enviada").Submitted().SaveAsync(host);
        var inReview = await ExperienceData.SaveAsync(host, ExperienceData.Input("Experiencia en revisión"), ExperienceStatus.InReview);
        var proposal = await EventData.SaveAsync(host, EventStatus.Proposed, "Evento propuesto", proposedBy: colombia.UserId);
        var moves = new (string Path, Func<Task<string>> Row)[]
        {
            ($"/api/v1/offers/{submitted.Id}/publish", () => CrossState.RowAsync<CatalogEntry>(host, submitted.Id)),
            ($"/api/v1/offers/{submitted.Id}/return", () => CrossState.RowAsync<CatalogEntry>(host, submitted.Id)),
            ($"/api/v1/experiences/{inReview.Id}/publish", () => CrossState.RowAsync<Experience>(host, inReview.Id)),
            ($"/api/v1/experiences/{inReview.Id}/return", () => CrossState.RowAsync<Experience>(host, inReview.Id)),
            ($"/api/v1/events/{proposal.Id}/publish", () => CrossState.RowAsync<Event>(host, proposal.Id)),
            ($"/api/v1/events/{proposal.Id}/decline", () => CrossState.RowAsync<Event>(host, proposal.Id)),
        };

        foreach (var (path, row) in moves)
        {
            var before = (await row(), await host.FingerprintAsync());
            using var response = await colombia.Api.PostAsJsonAsync(path, new { comment = "Aprobado" }, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal(before, (await row(), await host.FingerprintAsync()));
        }
    }

    /// <summary>The request as JSON with every privileged field added.</summary>
    private static JsonContent Body(object input)
    {
        var json = JsonSerializer.SerializeToNode(input, JsonSerializerOptions.Web)!.AsObject();
        foreach (var (name, value) in Privileged)
        {
            json[name] = value?.DeepClone();
        }

        return JsonContent.Create(json);
    }

    private static bool IsEntity(Type? type, Assembly domain)
    {
        if (type is null)
        {
            return false;
        }

        var element = type.IsArray ? type.GetElementType()! : type.IsGenericType ? type.GetGenericArguments().FirstOrDefault() ?? type : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.Assembly == domain && element.IsClass && !element.IsAbstract && element.GetProperty("Id") is not null;
    }
}
