using DuoInburgering.Web.Features.Pauzes;
using DuoInburgering.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DuoInburgering.Web.Tests.Features.Pauzes;

public sealed class PauzeDienstenTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_portal_resolves_Pauzering_on_its_own_database()
    {
        await using var factory = new PibWebFactory(database);

        var pauzering = factory.Services.GetRequiredService<Pauzering>();

        Assert.Empty(await pauzering.OverzichtAsync(CancellationToken.None));
    }
}
