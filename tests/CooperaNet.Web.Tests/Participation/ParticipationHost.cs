using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CooperaNet.Web.Tests.Participation;

/// <summary>
/// The application with the catalog's short caches off: the tests write entries straight to the
/// database, past the commands that would empty them, and read the figures at once.
/// </summary>
public class ParticipationHost : CooperaNetFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CooperaNet:Catalog:ListCacheSeconds", "0");
    }
}
