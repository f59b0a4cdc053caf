using CooperaNet.Application.Auditing;
using CooperaNet.Application.Email;
using CooperaNet.Application.FollowUp;
using CooperaNet.Application.Idempotency;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Matching;
using CooperaNet.Application.Notifications;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Communications;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Events;
using CooperaNet.Domain.Experiences;
using CooperaNet.Domain.Experts;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Domain.Interop;
using CooperaNet.Domain.Newsletter;
using CooperaNet.Domain.Partners;
using CooperaNet.Domain.Reference;
using CooperaNet.Domain.Reports;
using CooperaNet.Domain.WorkPlans;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Data;

/// <summary>
/// The platform's database. Each provider has a subclass that owns its migrations
/// (<see cref="SqliteCooperaNetDbContext"/>, <see cref="PostgresCooperaNetDbContext"/>);
/// everything else uses this type.
/// </summary>
public abstract class CooperaNetDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect cookies and antiforgery tokens, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<MemberState> MemberStates => Set<MemberState>();

    public DbSet<StateGroup> StateGroups => Set<StateGroup>();

    public DbSet<StateGroupMembership> StateGroupMemberships => Set<StateGroupMembership>();

    public DbSet<SectorCategory> SectorCategories => Set<SectorCategory>();

    public DbSet<Sector> Sectors => Set<Sector>();

    public DbSet<SdgGoal> SdgGoals => Set<SdgGoal>();

    public DbSet<SdgTarget> SdgTargets => Set<SdgTarget>();

    public DbSet<ReferenceDataset> ReferenceDatasets => Set<ReferenceDataset>();

    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();

    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();

    public DbSet<Mandate> Mandates => Set<Mandate>();

    public DbSet<WorkPlanAction> WorkPlanActions => Set<WorkPlanAction>();

    public DbSet<WorkPlanIndicator> WorkPlanIndicators => Set<WorkPlanIndicator>();

    public DbSet<IndicatorEvidence> IndicatorEvidence => Set<IndicatorEvidence>();

    public DbSet<ActionComment> ActionComments => Set<ActionComment>();

    public DbSet<ActionProposal> ActionProposals => Set<ActionProposal>();

    public DbSet<CatalogEntry> Entries => Set<CatalogEntry>();

    public DbSet<EntrySearchTerm> EntrySearchTerms => Set<EntrySearchTerm>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Pair> Pairs => Set<Pair>();

    public DbSet<Initiative> Initiatives => Set<Initiative>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<MatchingRequest> MatchingRequests => Set<MatchingRequest>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<SocialisationSession> SocialisationSessions => Set<SocialisationSession>();

    public DbSet<FollowUpEntry> FollowUpEntries => Set<FollowUpEntry>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<CampaignDelivery> CampaignDeliveries => Set<CampaignDelivery>();

    public DbSet<ReminderOptOut> ReminderOptOuts => Set<ReminderOptOut>();

    public DbSet<SemesterReport> SemesterReports => Set<SemesterReport>();

    public DbSet<Experience> Experiences => Set<Experience>();

    public DbSet<ExperienceImage> ExperienceImages => Set<ExperienceImage>();

    public DbSet<ExperienceAttachment> ExperienceAttachments => Set<ExperienceAttachment>();

    public DbSet<ExpertProfile> ExpertProfiles => Set<ExpertProfile>();

    public DbSet<ExpertCv> ExpertCvs => Set<ExpertCv>();

    public DbSet<ExpertCall> ExpertCalls => Set<ExpertCall>();

    public DbSet<CallApplication> CallApplications => Set<CallApplication>();

    public DbSet<ApplicationReview> ApplicationReviews => Set<ApplicationReview>();

    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();

    public DbSet<ExternalActivity> ExternalActivities => Set<ExternalActivity>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<EventMaterial> EventMaterials => Set<EventMaterial>();

    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    public DbSet<Guideline> Guidelines => Set<Guideline>();

    public DbSet<GuidelineVersion> GuidelineVersions => Set<GuidelineVersion>();

    public DbSet<GuidelineComment> GuidelineComments => Set<GuidelineComment>();

    public DbSet<NewsletterSubscription> NewsletterSubscriptions => Set<NewsletterSubscription>();

    public DbSet<NewsletterIssue> NewsletterIssues => Set<NewsletterIssue>();

    public DbSet<NewsletterItem> NewsletterItems => Set<NewsletterItem>();

    public DbSet<NewsletterDelivery> NewsletterDeliveries => Set<NewsletterDelivery>();

    public DbSet<AudienceMessage> AudienceMessages => Set<AudienceMessage>();

    public DbSet<Channel> CommunicationChannels => Set<Channel>();

    public DbSet<CommunicationPlan> CommunicationPlans => Set<CommunicationPlan>();

    public DbSet<PlanItem> CommunicationPlanItems => Set<PlanItem>();

    public DbSet<ContentPiece> ContentPieces => Set<ContentPiece>();

    public DbSet<PartnerOrganisation> PartnerOrganisations => Set<PartnerOrganisation>();

    public DbSet<PartnerContact> PartnerContacts => Set<PartnerContact>();

    public DbSet<PartnerAgreement> PartnerAgreements => Set<PartnerAgreement>();

    public DbSet<AgreementDocument> AgreementDocuments => Set<AgreementDocument>();

    public DbSet<EngagementEntry> EngagementEntries => Set<EngagementEntry>();

    public DbSet<PilotMilestone> PilotMilestones => Set<PilotMilestone>();

    /// <summary>API writes sent with an Idempotency-Key and their responses, for retries (kept 24 hours).</summary>
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>Sign-in attempts per hashed address or account and fixed window, shared by all instances.</summary>
    public DbSet<SignInAttemptWindow> SignInAttempts => Set<SignInAttemptWindow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CooperaNetDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks there, natively elsewhere.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        }
    }
}

/// <summary>The SQLite flavour: the embedded default.</summary>
public sealed class SqliteCooperaNetDbContext(DbContextOptions<SqliteCooperaNetDbContext> options)
    : CooperaNetDbContext(options);

/// <summary>The PostgreSQL flavour: production.</summary>
public sealed class PostgresCooperaNetDbContext(DbContextOptions<PostgresCooperaNetDbContext> options)
    : CooperaNetDbContext(options);
