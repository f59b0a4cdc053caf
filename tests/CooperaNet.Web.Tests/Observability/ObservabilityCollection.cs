namespace CooperaNet.Web.Tests.Observability;

/// <summary>
/// The observability tests share one application (starting one is the slow part) and run one after
/// the other, as they count the same queues and read the same log.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ObservabilityCollection : ICollectionFixture<ObservabilityFactory>
{
    public const string Name = "Observability";
}
