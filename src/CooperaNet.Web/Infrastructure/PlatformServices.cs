using System.Globalization;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Data;
using CooperaNet.Application.Demo;
using CooperaNet.Application.Email;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Interop;
using CooperaNet.Application.Interop.OpenData;
using CooperaNet.Application.Matching;
using CooperaNet.Application.Priorities;
using CooperaNet.Application.ReferenceData;
using CooperaNet.Application.Reports;
using CooperaNet.Domain;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Guidelines;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Localization.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Infrastructure;

/// <summary>The platform's services, one method per concern, called from Program.cs.</summary>
public static class PlatformServices
{
    public static WebApplicationBuilder AddCooperaNetData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddCooperaNetDatabase(options, builder.Environment.ContentRootPath);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();
        builder.Services.AddScoped<IDatabaseActorSource, HttpDatabaseActorSource>();
        builder.Services.AddScoped<ReferenceDataImporter>();
        builder.Services.AddScoped<DemoCatalogSeeder>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<EmailOutbox>();
        builder.Services.AddScoped<Application.Catalog.ClassificationSuggester>();
        builder.Services.AddCooperaNetMatching(builder.Configuration, background: true);
        builder.Services.AddPriorityAreas(builder.Configuration);
        builder.Services.AddDataExchange(builder.Configuration);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOpenData(builder.Configuration, contentRoot, Path.Combine(contentRoot, options.DataDirectory, "open-data"), background: true);
        builder.Services.AddMemoryCache();
        builder.Services.AddDataProtection().SetApplicationName("CooperaNet").PersistKeysToDbContext<CooperaNetDbContext>();
        builder.Services.AddSingleton<ReferenceResponseCache>();
        builder.Services.AddHealthChecks()
            // A real round trip, not only "the SQLite file exists" (what the default check looks at).
            .AddDbContextCheck<CooperaNetDbContext>("database", tags: ["ready"], customTestQuery: async (db, ct) =>
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
                return true;
            })
            .AddCheck<ReferenceDataHealthCheck>("reference-data", tags: ["ready"])
            .AddCheck<DemoSeedingHealthCheck>("demo-data", tags: ["ready"]);
        builder.Services.AddHealthCheckTimeouts();
        builder.Services.AddSingleton<DemoSeeding>();
        builder.Services.AddSingleton<Application.Idempotency.IdempotencyStore>().AddHostedService<Application.Idempotency.IdempotencyCleanup>();
        return builder;
    }

    public static WebApplicationBuilder AddCooperaNetLocalization(this WebApplicationBuilder builder)
    {
        var strings = new UiStrings(Path.Combine(builder.Environment.ContentRootPath, "Resources"));
        builder.Services.AddSingleton(strings);
        builder.Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        builder.Services.AddLocalization();
        builder.Services.Configure<RouteOptions>(o => o.ConstraintMap[LanguageRouteConstraint.Name] = typeof(LanguageRouteConstraint));
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new ReExecutedPathCultureProvider(),
                new RouteDataRequestCultureProvider { RouteDataStringKey = CulturePrefixConvention.RouteKey, UIRouteDataStringKey = CulturePrefixConvention.RouteKey },
                new QueryStringRequestCultureProvider { QueryStringKey = ApiLanguage.QueryKey, UIQueryStringKey = ApiLanguage.QueryKey },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplicationBuilder AddCooperaNetIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<ApplicationUser, ApplicationRole>(IdentityRules.Apply)
            .AddEntityFrameworkStores<CooperaNetDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddCooperaNetPasswordRules();
        builder.Services.Configure<IdentityOptions>(options => options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name);
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInAttemptCounter>().AddHostedService<SignInAttemptCleanup>();
        builder.Services.AddSingleton<SignInThrottle>();
        // A password change or reset renews the security stamp; other sessions' cookies are refused at their next check.
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SignInLimitOptions>>((stamp, signIn) =>
            stamp.ValidationInterval = TimeSpan.FromSeconds(signIn.Value.SessionCheckSeconds));

        var hostPrefix = CookieNames.UseHostPrefix(builder.Configuration, builder.Environment);
        builder.Services.ConfigureApplicationCookie(options =>
        {
            CookieNames.Apply(options.Cookie, CookieNames.Session, hostPrefix);
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = context => Redirect(context, Routes.SignIn);
            options.Events.OnRedirectToAccessDenied = context => Redirect(context, Routes.AccessDenied);
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, options =>
                CookieNames.Apply(options.Cookie, scheme, hostPrefix));
        }

        const string smart = "CookieOrBearer";
        builder.Services.AddAuthentication(options =>
            {
                // AddIdentity made the cookie the default for authenticating; without this line bearer tokens are never read.
                options.DefaultScheme = smart;
                options.DefaultAuthenticateScheme = smart;
                options.DefaultChallengeScheme = smart;
            })
            .AddPolicyScheme(smart, "Cookie or API token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        builder.Services.AddScoped<IUserClaimsPrincipalFactory<ApplicationUser>, Features.Catalog.CooperaNetClaimsFactory>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Catalog.CatalogAuthorizationHandler>();
        builder.Services.AddScoped<Features.Catalog.EntryCommands>();
        builder.Services.AddScoped<Features.Catalog.AttachmentCommands>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Crossing.PairAuthorizationHandler>();
        builder.Services.AddScoped<Features.Crossing.PairCommands>();
        builder.Services.AddScoped<Features.Crossing.Notifier>();
        builder.Services.AddScoped<Features.Crossing.PairViews>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.WorkPlan.WorkPlanAuthorizationHandler>();
        builder.Services.AddScoped<Features.WorkPlan.WorkPlanCommands>();
        builder.Services.AddScoped<Application.WorkPlans.IndicatorCalculator>();
        builder.Services.AddScoped<Application.WorkPlans.WorkPlanTracker>();
        builder.Services.AddSemesterReports();
        builder.Services.AddScoped<Features.Reports.ReportCommands>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Experiences.ExperienceAuthorizationHandler>();
        builder.Services.AddScoped<Features.Experiences.ExperienceCommands>();
        builder.Services.AddScoped<Application.Events.IEventLetters, Features.Events.EventLetters>();
        builder.Services.AddScoped<Application.Events.EventCalendar>();
        builder.Services.AddGuidelines();
        builder.Services.AddScoped<Application.Communications.CommunicationsPlanner>();
        builder.Services.AddScoped<Application.Partners.PartnerRegistry>();
        builder.Services.AddScoped<Application.Partners.AgreementDocuments>();
        builder.Services.AddScoped<Features.Partners.PartnerAccessResolver>();
        builder.Services.AddExperts();
        builder.Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Experts.ExpertAuthorizationHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Experts.AssignmentAuthorizationHandler>();
        builder.Services.AddScoped<Features.Experts.ExpertCommands>();
        builder.Services.AddScoped<Features.Experts.CallCommands>();
        builder.Services.AddScoped<Features.Experts.CallPrefill>();
        builder.Services.AddScoped<Features.Experts.AssignmentCommands>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Secretariat, policy => policy.RequireRole(Roles.Secretariat).RequireClaim(Policies.MfaClaim, Policies.MfaValue))
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.ProposesEvents, policy => policy.RequireRole(Roles.FocalPoint, Roles.Partner))
            .AddPolicy(Policies.ReadsCommunicationPlan, policy => policy.RequireAssertion(context =>
                context.User.IsInRole(Roles.WorkingGroupMember) || context.User.IsInRole(Roles.FocalPoint)
                || (context.User.IsInRole(Roles.Secretariat) && context.User.HasClaim(Policies.MfaClaim, Policies.MfaValue))))
            .AddPolicy(Features.Experts.ExpertPolicies.Expert, policy => policy.RequireRole(Roles.Expert));
        return builder;
    }

    /// <summary>Sends browsers to the sign-in page in their language; answers API calls with a problem, not a redirect.</summary>
    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, string page)
    {
        if (context.Request.IsApi())
        {
            context.Response.StatusCode = page == Routes.SignIn ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        var query = new Uri(context.RedirectUri).Query;
        context.Response.Redirect($"/{UiStrings.CurrentLanguage}{page}{query}");
        return Task.CompletedTask;
    }

    public static WebApplicationBuilder AddCooperaNetWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.Conventions.AllowAnonymousToPublicPages().Add(new CulturePrefixConvention()))
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Program)))
            // Forms are validated on the server only; no data-val-* attributes, which would carry untranslated defaults.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddMvcOptions(options => options.Filters.Add(new UnmatchedPageHandler()));
        // A value that does not bind (a date that is not a date, an id that is not one) is refused in the page's language, on every form.
        builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((options, factory) =>
        {
            var text = factory.Create(typeof(Program));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Error.binding.invalid", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Error.binding.invalid", value]);
            messages.SetValueIsInvalidAccessor(value => text["Error.binding.invalid", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Error.binding.unknown"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Error.binding.unknown"]);
            messages.SetValueMustBeANumberAccessor(_ => text["Error.binding.number"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Error.binding.number"]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Error.required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => text["Error.required"]);
            messages.SetMissingKeyOrValueAccessor(() => text["Error.required"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Error.required"]);
        });
        // Pages are UTF-8: write "Política", not "Pol&#xED;tica".
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CooperaNet API";
            document.Info.Description = "Offers and demands of cooperation among the OAS member states, and the reference data they use. " +
                "Names follow ?lang= (es, en, pt, fr) or Accept-Language. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        builder.Services.AddLocalizedProblemDetails();
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.HashesAreWellFormed(), "CooperaNet:Security:AuditScriptHashes: each hash looks like sha256-<44 base64 characters>.")
            .ValidateOnStart();
        builder.Services.AddAntiforgery(options =>
        {
            CookieNames.Apply(options.Cookie, CookieNames.Antiforgery, CookieNames.UseHostPrefix(builder.Configuration, builder.Environment));
        });
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CatalogListCache>();
        builder.Services.AddOptions<Features.Participation.ParticipationOptions>().BindConfiguration(Features.Participation.ParticipationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Features.Participation.ParticipationMap>();
        builder.Services.AddScoped<Features.Participation.ParticipationViews>();

        // Anonymous readers of the catalog pages share rendered pages for as long as lists are shared;
        // signed-in users (personal navigation) never get a stored page, and every write evicts them.
        var seconds = builder.Configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>()?.ListCacheSeconds ?? new CatalogOptions().ListCacheSeconds;
        builder.Services.AddOutputCache(options => options.AddPolicy(CatalogListCache.PagePolicy, policy =>
        {
            if (seconds == 0)
            {
                policy.NoCache();
                return;
            }

            policy.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery("*").Tag(CatalogListCache.Tag);
        }));
        return builder;
    }
}

/// <summary>Authorization policies, one constant each.</summary>
public static class Policies
{
    /// <summary>The secretariat, signed in with a second factor.</summary>
    public const string Secretariat = "Secretariat";

    public const string SignedIn = "SignedIn";

    /// <summary>Focal points and partners, who propose events to the calendar.</summary>
    public const string ProposesEvents = "ProposesEvents";

    /// <summary>The secretariat (with a second factor), working-group members and focal points, who read the communication plan.</summary>
    public const string ReadsCommunicationPlan = "ReadsCommunicationPlan";

    /// <summary>The claim Identity adds when the sign-in used two factors.</summary>
    public const string MfaClaim = "amr";

    public const string MfaValue = "mfa";
}

/// <summary>Page routes without the language prefix; links add /{lang}.</summary>
public static class Routes
{
    public const string Home = "/";
    public const string WorkPlan = "/work-plan";
    public const string WorkPlans = "/work-plan/plans";

    public static string Plan(string code) => $"/work-plan/{code}";

    public static string PlanAction(string code, int number) => $"/work-plan/{code}/actions/{number}";
    public const string ApiReference = "/api-reference";
    public const string SignIn = "/account/sign-in";
    public const string AccessDenied = "/account/access-denied";
    public const string TwoFactor = "/account/two-factor";
    public const string RecoveryCode = "/account/recovery-code";
    public const string ForgotPassword = "/account/forgot-password";
    public const string ResetPassword = "/account/reset-password";
    public const string Profile = "/account/profile";
    public const string Catalog = "/catalog";
    public const string NewEntry = "/catalog/new";

    public static string Entry(Guid id) => $"/catalog/{id}";

    public static string EditEntry(Guid id) => $"/catalog/{id}/edit";

    public static string State(string code) => $"/states/{code}";

    public const string Matches = "/matches";
    public const string Notifications = "/notifications";

    public static string Pair(Guid id) => $"/matches/{id}";

    public static string Initiative(Guid id) => $"/initiatives/{id}";

    /// <summary>Anchors of the profile's sections, so forms and redirects land where the user was.</summary>
    public const string TwoFactorSection = "two-factor";
    public const string PasswordSection = "password";
    public const string ApiTokensSection = "api-tokens";
}
