using DuoInburgering.Web.Tests.Audit;
using System.Globalization;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Features.Persoonscorrecties;
using DuoInburgering.Web.Security;
using DuoInburgering.Web.Tests.Features.Audit;
using DuoInburgering.Web.Tests.Features.Personen;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PersoonscorrectieDienst = DuoInburgering.Web.Features.Persoonscorrecties.Persoonscorrecties;

namespace DuoInburgering.Web.Tests.Features.Persoonscorrecties;

/// <summary>
/// Issue 6: the four eyes in the audit log. The proposal, the approval (with everything it applied) and the
/// rejection are each a DUO action about the person, with the proposal's id and the reason; a refused
/// decision records nothing.
/// </summary>
public sealed class PersoonscorrectieAuditTests : PersonenTestdata
{
    private static readonly PibGebruiker Beheer = new("duo.beheer", "Functioneel beheer DUO", Rol.Duo, null);
    private static readonly PibGebruiker Controle = new("duo.controle", "Controleur DUO", Rol.Duo, null);
    private const string Reden = "IND-dossier: beschikking op 28 december uitgereikt.";

    private WebApplicationFactory<Program>? _web;

    private PersoonscorrectieDienst Dienst => (_web ??= Web()).Services.GetRequiredService<PersoonscorrectieDienst>();

    private async Task<string> StatushouderAsync(int volgnummer)
    {
        var bsn = Bsn(volgnummer);
        await VerwerkAsync(Asielstatushouder(bsn, new DateOnly(2022, 1, 10)), Rotterdam, new DateOnly(2022, 1, 25), vestiging: new DateOnly(2022, 1, 20));
        return bsn;
    }

    private async Task<long> StelVoorAsync(string bsn)
    {
        var gevonden = Assert.IsType<Opzoeking.Gevonden>(await Dienst.ZoekAsync(Beheer, bsn));
        var invoer = CorrectieInvoer.Van(gevonden.Dossier.Feiten);
        invoer.Bekendmaking = "2021-12-28";
        invoer.Reden = Reden;
        return Assert.IsType<Voorstelresultaat.Berekend>(await Dienst.StelVoorAsync(Beheer, bsn, invoer)).Id!.Value;
    }

    /// <summary>The person's entries after <paramref name="na"/>, without the disclosures of looking them up.</summary>
    private async Task<List<AuditRij>> VerwerkingAsync(string bsn, long na) =>
        [.. (await AuditRijen.VanAsync(Database.ConnectionString, bsn, na)).Where(r => r.Soort != "Verstrekking")];

    [Fact]
    public async Task Proposal_and_approval_are_DUO_actions_and_the_approval_records_the_withdrawal_SS190_derivation_and_signals()
    {
        var bsn = await StatushouderAsync(11);
        var cs = Database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        var id = await StelVoorAsync(bsn);
        var nummer = id.ToString(CultureInfo.InvariantCulture);

        var voorstel = Assert.Single(await VerwerkingAsync(bsn, laatste));
        Assert.Equal(("DuoActie", "correctie-voorstellen", "duo.beheer", "Duo", "actie,reden,persoonscorrectie_id,verlaat_wi2021"),
            (voorstel.Soort, voorstel.Activiteit, voorstel.Actor, voorstel.Rol, voorstel.Sleutels));
        Assert.Equal(("voorstellen", Reden, nummer, "ja"), (voorstel["actie"], voorstel["reden"], voorstel["persoonscorrectie_id"], voorstel["verlaat_wi2021"]));

        // The proposer's own approval is refused: nothing recorded.
        laatste = await AuditRijen.LaatsteIdAsync(cs);
        Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.KeurGoedAsync(Beheer, id));
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));

        Klok.Advance(TimeSpan.FromHours(2));
        Assert.IsType<Besluitresultaat.Besloten>(await Dienst.KeurGoedAsync(Controle, id));

        var rijen = await VerwerkingAsync(bsn, laatste);
        Assert.Equal(["DuoActie", "SignaalIngetrokken", "SignaalVerzonden", "Bepaling", "SignaalVerzonden"], rijen.Select(r => r.Soort));
        var goedkeuring = rijen[0];
        Assert.Equal(("correctie-goedkeuren", "duo.controle", "goedkeuren", Reden, nummer, "duo.beheer", $"DUO-PC-{nummer}"),
            (goedkeuring.Activiteit, goedkeuring.Actor, goedkeuring["actie"], goedkeuring["reden"], goedkeuring["persoonscorrectie_id"],
             goedkeuring["voorgesteld_door"], goedkeuring["bericht_id"]));
        Assert.Equal(("SS139", "Wi2021", Rotterdam), (rijen[1]["code"], rijen[1]["regime"], rijen[1].Gemeente));
        Assert.Equal(("SS190", "Wi2021", Rotterdam), (rijen[2]["code"], rijen[2]["regime"], rijen[2].Gemeente));
        Assert.Equal(("Wi2013", Rotterdam, "Asielstatushouder"), (rijen[3]["regime"], rijen[3].Gemeente, rijen[3]["doelgroep"]));
        Assert.Contains("2021-12-28", rijen[3]["toelichting"], StringComparison.Ordinal);
        Assert.Equal(("SS101", "Wi2013"), (rijen[4]["code"], rijen[4]["regime"]));
        Assert.All(rijen, r => Assert.Equal(Klok.GetUtcNow(), r.Tijdstip));
        Assert.True(await AuditRijen.KetenIntactAsync(cs));
    }

    [Fact]
    public async Task A_rejection_is_a_DUO_action_with_its_own_reason_and_changes_nothing_else()
    {
        var bsn = await StatushouderAsync(12);
        var id = await StelVoorAsync(bsn);
        var cs = Database.ConnectionString;
        var laatste = await AuditRijen.LaatsteIdAsync(cs);

        Assert.IsType<Besluitresultaat.Geweigerd>(await Dienst.WijsAfAsync(Controle, id, "  "));
        Assert.Equal(laatste, await AuditRijen.LaatsteIdAsync(cs));
        Assert.IsType<Besluitresultaat.Besloten>(await Dienst.WijsAfAsync(Controle, id, "Dossier bevestigt 10 januari."));

        var afwijzing = Assert.Single(await AuditRijen.NaAsync(cs, laatste));
        Assert.True(afwijzing.Over(bsn));
        Assert.Equal(("DuoActie", "correctie-afwijzen", "duo.controle", "afwijzen", "Dossier bevestigt 10 januari.", id.ToString(CultureInfo.InvariantCulture)),
            (afwijzing.Soort, afwijzing.Activiteit, afwijzing.Actor, afwijzing["actie"], afwijzing["reden"], afwijzing["persoonscorrectie_id"]));
    }
}
