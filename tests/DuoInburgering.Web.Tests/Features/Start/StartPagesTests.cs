using System.Net;
using DuoInburgering.Web.Tests.Infrastructure;

namespace DuoInburgering.Web.Tests.Features.Start;

public sealed class StartPagesTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PibWebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new PibWebFactory(database);
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Home_page_is_Dutch_and_names_the_three_user_groups()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.Contains("Portaal Inburgering", html, StringComparison.Ordinal);
        foreach (var groep in new[] { "Gemeente", "DUO", "Audit" })
        {
            Assert.Contains(groep, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/duo", "duo.beheer", "km.amsterdam")]
    // /audit is the auditor's own start page (Features/Audit/AuditStartTests).
    public async Task Group_page_lists_the_seeded_users_of_that_group_only(string path, string expected, string absent)
    {
        // Each group page is for its own role only (Security/PibGebieden): sign in as the listed user.
        using var client = Aanmelding.Als(_factory, expected);
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain(absent, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_a_Dutch_page()
    {
        var response = await _client.GetAsync(new Uri("/bestaat-niet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
