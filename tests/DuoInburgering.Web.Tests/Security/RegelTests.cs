using DuoInburgering.Domain.Identiteit;
using System.Security.Claims;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Inloggen;
using DuoInburgering.Web.Security;
using Microsoft.AspNetCore.Http;

namespace DuoInburgering.Web.Tests.Security;

/// <summary>The rules of sign-in and access as tables: areas, assurance levels, claim translation, request kinds.</summary>
public sealed class RegelTests
{
    private static readonly PibGebruiker Km = new("km", "Km", Rol.Gemeente, GemeenteCode.Parse("GM0363"));
    private static readonly PibGebruiker Duo = new("duo", "Duo", Rol.Duo, null);

    [Theory]
    [InlineData("/", true)]
    [InlineData("", true)]
    [InlineData("/health", true)]
    [InlineData("/api/feiten/ind", true)]
    [InlineData("/inloggen", true)]
    [InlineData("/inloggen/niveau-te-laag", true)]
    [InlineData("/geen-toegang", true)]
    [InlineData("/_blazor/negotiate", true)]
    [InlineData("/gemeente", false)]
    [InlineData("/api/anders", false)]
    [InlineData("/healthz", false)]
    [InlineData("/inloggenx", false)]
    public void Open_paths_are_listed_exactly(string pad, bool openbaar) =>
        Assert.Equal(openbaar, PibGebieden.IsOpenbaar(pad));

    [Theory]
    [InlineData("/gemeente", Rol.Gemeente)]
    [InlineData("/Gemeente/", Rol.Gemeente)]
    [InlineData("gemeente/{id:int}", Rol.Gemeente)]
    [InlineData("/gemeente/signalen.csv", Rol.Gemeente)]
    [InlineData("/duo/gemeenten", Rol.Duo)]
    [InlineData("/audit", Rol.Auditor)]
    [InlineData("/gemeenten", null)]
    [InlineData("/duotje", null)]
    public void Each_area_needs_its_role(string pad, Rol? rol) => Assert.Equal(rol, PibGebieden.RolVoor(pad));

    [Fact]
    public void Outside_the_areas_any_valid_user_may_open_a_page_and_nobody_anonymous()
    {
        Assert.True(PibGebieden.MagOpenen("/personen", Km));
        Assert.True(PibGebieden.MagOpenen("/personen", Duo));
        Assert.False(PibGebieden.MagOpenen("/personen", null));
        Assert.False(PibGebieden.MagOpenen("/gemeente", Duo));
        Assert.True(PibGebieden.MagOpenen("/", null));
    }

    [Theory]
    [InlineData("laag", Betrouwbaarheidsniveau.Laag)]
    [InlineData("EH2+", Betrouwbaarheidsniveau.Laag)]
    [InlineData("urn:etoegang:core:assurance-class:loa2", Betrouwbaarheidsniveau.Laag)]
    [InlineData("Substantieel", Betrouwbaarheidsniveau.Substantieel)]
    [InlineData(" eh3 ", Betrouwbaarheidsniveau.Substantieel)]
    [InlineData("http://eidas.europa.eu/LoA/substantial", Betrouwbaarheidsniveau.Substantieel)]
    [InlineData("urn:etoegang:core:assurance-class:loa4", Betrouwbaarheidsniveau.Hoog)]
    [InlineData("EH4", Betrouwbaarheidsniveau.Hoog)]
    [InlineData("EH3+", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Assurance_levels_are_read_in_every_documented_spelling(string? waarde, Betrouwbaarheidsniveau? niveau)
    {
        Assert.Equal(niveau, Betrouwbaarheidsniveaus.Lees(waarde));
        Assert.Equal(niveau >= Betrouwbaarheidsniveau.Substantieel, Betrouwbaarheidsniveaus.IsVoldoende(waarde));
    }

    private static readonly OidcOpties Opties = new() { OinGemeenten = { ["00000001002564440000"] = "GM0363" } };

    private static ClaimsPrincipal VanProvider(params (string Type, string Waarde)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Waarde)), "oidc"));

    [Fact]
    public void The_providers_claims_become_the_portals_own_and_nothing_more()
    {
        var (principal, weigering) = OidcVertaling.Vertaal(VanProvider(("sub", "k1"), ("name", "K"), ("pib_rol", "Gemeente"),
            ("pib_oin", "00000001002564440000"), ("acr", "EH3"), ("email", "k@example.nl")), Opties, _ => true);

        Assert.Null(weigering);
        Assert.Equal(new PibGebruiker("k1", "K", Rol.Gemeente, GemeenteCode.Parse("GM0363")), PibPrincipal.Geldig(principal));
        Assert.NotNull(principal);
        Assert.Equal("substantieel", principal.FindFirstValue(PibClaims.Betrouwbaarheidsniveau));
        Assert.Null(principal.FindFirst("email"));
        Assert.Null(principal.FindFirst(PibClaims.Oin));
    }

    [Fact]
    public void A_code_and_an_OIN_naming_different_municipalities_are_refused()
    {
        var (_, weigering) = OidcVertaling.Vertaal(VanProvider(("sub", "k1"), ("pib_rol", "Gemeente"), ("pib_gemeente", "GM0599"),
            ("pib_oin", "00000001002564440000"), ("loa", "hoog")), Opties, _ => true);
        Assert.Equal(OidcWeigering.GeenGemeente, weigering);
    }

    [Fact]
    public void The_level_is_checked_before_anything_else()
    {
        var (_, weigering) = OidcVertaling.Vertaal(VanProvider(("pib_rol", "Onzin"), ("loa", "EH2")), Opties, _ => true);
        Assert.Equal(OidcWeigering.NiveauTeLaag, weigering);
    }

    [Theory]
    [InlineData("/gemeente", null, true)]
    [InlineData("/gemeente", "navigate", true)]
    [InlineData("/gemeente", "cors", false)]
    [InlineData("/gemeente/signalen.csv", null, false)]
    [InlineData("/gemeente/signalen.xlsx", null, false)]
    [InlineData("/api/gemeente/signalen", null, false)]
    public void Only_a_browser_opening_a_page_is_redirected(string pad, string? fetchModus, bool pagina)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = pad;
        if (fetchModus is not null)
        {
            http.Request.Headers["Sec-Fetch-Mode"] = fetchModus;
        }
        Assert.Equal(pagina, PibSessie.IsPaginaNavigatie(http.Request));
    }

    [Fact]
    public void Blazors_enhanced_navigation_counts_as_opening_a_page()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/gemeente";
        http.Request.Headers["Sec-Fetch-Mode"] = "cors";
        http.Request.Headers.Accept = "text/html; blazor-enhanced-nav=on";
        Assert.True(PibSessie.IsPaginaNavigatie(http.Request));
    }

    [Theory]
    [InlineData("/duo", "/duo")]
    [InlineData("/", "/")]
    [InlineData("//elders.example", "/x")]
    [InlineData("/\\elders.example", "/x")]
    [InlineData("https://elders.example/", "/x")]
    [InlineData("/\t/evil.example", "/x")]
    [InlineData("/\n/evil.example", "/x")]
    [InlineData("/gemeente\r\n/evil", "/x")]
    [InlineData("//evil.example", "/x")]
    [InlineData("/\\evil.example", "/x")]
    [InlineData("https://evil.example", "/x")]
    [InlineData("evil.example", "/x")]
    [InlineData("/gemeente/signalen/Wi2021", "/gemeente/signalen/Wi2021")]
    [InlineData("/gemeente/signalen/Wi2021?code=SS101&x=%2F%2Fevil", "/gemeente/signalen/Wi2021?code=SS101&x=%2F%2Fevil")]
    [InlineData("", "/x")]
    [InlineData(null, "/x")]
    public void The_way_back_after_sign_in_is_a_local_path_only(string? returnUrl, string verwacht) =>
        Assert.Equal(verwacht, InloggenEndpoints.LokaalOf(returnUrl, "/x"));
}
