using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Koppeling;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuoInburgering.Web.Features.Personen;

/// <summary>The outcome of registering a PIP or an inburgeringsaanbod.</summary>
public abstract record Registratie
{
    private Registratie()
    {
    }

    /// <summary>Written, with the signals the rules emitted (SS102 for a first PIP).</summary>
    public sealed record Geregistreerd(IReadOnlyList<Signaal> Signalen) : Registratie;

    /// <summary>Nothing written. <paramref name="Context"/> is what the rules checked against, so the form can show the same messages.</summary>
    public sealed record Ongeldig(IReadOnlyList<PipFout> Fouten, PipContext Context) : Registratie;

    /// <summary>Nothing written; the same answer whether the person does not exist or belongs elsewhere.</summary>
    public sealed record NietGevonden : Registratie;

    /// <summary>
    /// Nothing written, nothing audited as a registration: the municipality may still see the person (its own PIP
    /// after a move, the previous PIP within a month) but only the municipality the person belongs to now acts
    /// (<see cref="Verantwoordelijkheid"/>). <paramref name="Melding"/> is the rule's Dutch explanation.
    /// </summary>
    public sealed record AlleenInzien(string Melding) : Registratie;

    /// <summary>Nothing written: DUO's processing is stopped until an interrupted correction is applied again.</summary>
    public sealed record Onderbroken : Registratie
    {
        public string Melding => CorrectieOnderbrokenException.Tijdelijk;
    }
}

/// <summary>
/// Registers a PIP or an inburgeringsaanbod for a person the municipality may see (issue 4, "Registering").
/// </summary>
/// <remarks>
/// One transaction, in this order:
/// <list type="number">
/// <item>As role <c>pib_gemeente</c> (<see cref="GemeenteSessie"/>): is the person visible to this
/// municipality? Row-level security and <see cref="GemeenteToegang.MagPersoonZien"/> both decide; if not, stop with
/// <see cref="Registratie.NietGevonden"/> before anything about the person was read with more rights.</item>
/// <item><c>set_config('role', 'none', true)</c> (<c>SET LOCAL ROLE NONE</c>): back to the owning role,
/// because <c>pib_gemeente</c> may not write persoon or signaal, by design. We stay in the same
/// transaction rather than opening a second one so the check and the write cannot be separated by a
/// commit, and the role change ends with the transaction, so a pooled connection never keeps it.</item>
/// <item>The processing lock (<see cref="Verwerkingscontext.LaadAsync"/>), as every writer of persons
/// takes it, so an import or the deadline job cannot re-derive this person from a state without the new
/// PIP, then the row and its BRP facts.</item>
/// <item>The visibility again, now with the domain rule <see cref="Zichtbaarheid.MagZien"/> on the locked
/// row: a processing run may have moved the person between the first check and the lock.</item>
/// <item>The responsibility, with <see cref="Verantwoordelijkheid.Bepaal"/> on the same locked row: seeing is not
/// acting. A municipality that may only still see the person gets <see cref="Registratie.AlleenInzien"/> and
/// nothing is written, so it cannot register a PIP that would extend its own sight (issue 17).</item>
/// <item>The DUO rules (<see cref="PipRegels"/>, <see cref="InburgeringsaanbodRegels"/>); then
/// <see cref="PipVastlegging"/> derives the new state and the signals, written like any processing.</item>
/// <item>The audit entries: the municipality's message (actor: its code), the derivation and the signals,
/// appended last.</item>
/// </list>
/// </remarks>
public sealed class PipRegistratie(GemeenteSessies sessies, TimeProvider klok)
{
    public Task<Registratie> RegistreerPipAsync(PibGebruiker gebruiker, Bsn bsn, PipAanvraag aanvraag, CancellationToken ct = default) =>
        VoerUitAsync(gebruiker, bsn, SoortPip, PipToelichting(gebruiker, aanvraag), (t, vorige, context, g, vandaag) =>
        {
            var fouten = PipRegels.Valideer(aanvraag, context, vandaag);
            return fouten.Count > 0
                ? (fouten, null)
                : ([], PipVastlegging.LegPipVast(t, vorige,
                    new PipInfo(g, aanvraag.Dagtekening, aanvraag.Leerroute, PipRegels.BepaalNiveau(aanvraag)), vandaag));
        }, ct);

    public Task<Registratie> RegistreerAanbodAsync(PibGebruiker gebruiker, Bsn bsn, DateOnly datum, CancellationToken ct = default) =>
        VoerUitAsync(gebruiker, bsn, SoortAanbod,
            string.Create(CultureInfo.InvariantCulture, $"Inburgeringsaanbod van {gebruiker.GemeenteCode} vastgelegd: {datum:yyyy-MM-dd}."),
            (t, vorige, context, _, vandaag) =>
        {
            var fouten = InburgeringsaanbodRegels.Valideer(datum, context, vandaag);
            return fouten.Count > 0 ? (fouten, null) : ([], PipVastlegging.LegAanbodVast(t, vorige, datum, vandaag));
        }, ct);

    private delegate (IReadOnlyList<PipFout> Fouten, Vastlegging? Vastlegging) Beslis(
        PersoonToestand gepubliceerd, PipInfo? vorigePip, PipContext context, GemeenteCode gemeente, DateOnly vandaag);

    /// <summary>The payload's <c>bron</c> of a municipality's message, beside IND, COA and BRP; the actor is the municipality's code.</summary>
    public const string BronGemeente = "GEMEENTE";
    public const string SoortPip = "PIP";
    public const string SoortAanbod = "Inburgeringsaanbod";

    /// <param name="soort">What the municipality registered (the audit payload's <c>soort</c>).</param>
    /// <param name="toelichting">What was registered, in Dutch, for the derivation's audit entry (no BSN, no name).</param>
    private async Task<Registratie> VoerUitAsync(PibGebruiker gebruiker, Bsn persoon, string soort, string toelichting, Beslis beslis,
        CancellationToken ct)
    {
        // The BSN arrives typed (the page parsed it); only a municipality's user registers.
        var bsn = persoon.Waarde;
        if (gebruiker.Rol != Data.Rol.Gemeente || bsn is null)
        {
            return new Registratie.NietGevonden();
        }

        await using var sessie = await sessies.OpenAsync(gebruiker, ct);
        var g = sessie.Gemeente.Waarde;
        if (!await sessie.Db.Personen.Where(GemeenteToegang.MagPersoonZien(g, sessie.Vandaag)).AnyAsync(p => p.Bsn == bsn, ct))
        {
            return new Registratie.NietGevonden();
        }

        await sessie.Db.Database.ExecuteSqlAsync($"select set_config('role', 'none', true)", ct);
        var conn = (NpgsqlConnection)sessie.Db.Database.GetDbConnection();
        Verwerkingscontext verwerking;
        try
        {
            verwerking = await Verwerkingscontext.LaadAsync(conn, klok, ct);
        }
        catch (CorrectieOnderbrokenException)
        {
            return new Registratie.Onderbroken();
        }
        var regel = (await PersoonBatch.LaadAsync(conn, [bsn], ct))[bsn];
        var p = regel.Persoon!;
        var gemeente = sessie.Gemeente;
        var vorigePip = VorigePip(p);
        if (PersoonMapping.Gepubliceerd(p) is not { } t || t.Geparkeerd
            || !Zichtbaarheid.MagZien(gemeente, t.Gemeente, t.HuidigePip, vorigePip, verwerking.Vandaag))
        {
            return new Registratie.NietGevonden();
        }

        var besluit = Verantwoordelijkheid.Bepaal(gemeente, t.Gemeente, t.HuidigePip, vorigePip, verwerking.Vandaag,
            t.Gemeente is { } nu ? await GemeentenaamAsync(sessie, nu.Waarde, ct) : null);
        if (!besluit.MagHandelen)
        {
            return new Registratie.AlleenInzien(besluit.Uitleg);
        }

        var context = PipContexten.Van(p, PipContexten.Vestiging(regel.Brp, g));
        var (fouten, vastlegging) = beslis(t, vorigePip, context, gemeente, verwerking.Vandaag);
        if (vastlegging is null)
        {
            return new Registratie.Ongeldig(fouten, context);
        }

        await SchrijfAsync(sessie, p.Bsn, vastlegging, verwerking.Nu, ct);
        // The municipality's message received, what it changed (the decision itself stays), and the signals it caused.
        verwerking.Audit.Voeg(new AuditRegel(AuditSoort.FeitOntvangen, Verwerkingsactiviteiten.FeitOntvangen, g)
        {
            Bsn = p.Bsn,
            Rol = Verwerkingsaudit.RolBron,
            GemeenteCode = g,
            Tijdstip = verwerking.Nu,
            Gegevens = new Dictionary<string, string?>
            {
                ["bron"] = BronGemeente,
                ["bericht_id"] = null,
                ["soort"] = soort,
                ["gebruiker"] = gebruiker.Id,
            },
        });
        verwerking.Audit.Bepaling(p, toelichting);
        await PersoonBatch.SchrijfSignalenAsync(conn, [.. vastlegging.Signalen.Select(s => (p.Bsn, p.PubDoelgroep, s))], verwerking.Nu,
            verwerking.Audit, ct);
        await verwerking.Audit.SchrijfAsync(sessie.Auditlog, sessie.Db, ct);
        await sessie.CommitAsync(ct);
        return new Registratie.Geregistreerd(vastlegging.Signalen);
    }

    private static string PipToelichting(PibGebruiker gebruiker, PipAanvraag aanvraag)
    {
        var niveau = PipRegels.BepaalNiveau(aanvraag) is { } n ? $", niveau {n}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Persoonlijk plan inburgering en participatie van {gebruiker.GemeenteCode} vastgelegd: dagtekening {aanvraag.Dagtekening:yyyy-MM-dd}, {aanvraag.Leerroute.Naam()}{niveau}.");
    }

    private static async Task<string?> GemeentenaamAsync(GemeenteSessie sessie, string code, CancellationToken ct) =>
        await sessie.Db.Gemeenten.AsNoTracking().Where(x => x.Code == code).Select(x => x.Naam).SingleOrDefaultAsync(ct);

    internal static PipInfo? VorigePip(Persoon p) =>
        p.VorigePipGemeenteCode is { } code && p.VorigePipDagtekening is { } dag
            // Only the municipality and date of the previous PIP are kept: that is all visibility needs.
            ? new PipInfo(new GemeenteCode(code), dag, Leerroute.B1Route)
            : null;

    private static Task<int> SchrijfAsync(GemeenteSessie sessie, string bsn, Vastlegging v, DateTimeOffset nu, CancellationToken ct)
    {
        var t = v.Toestand;
        var pip = t.HuidigePip;
        var pipGemeente = pip?.Gemeente.Waarde;
        var (leerroute, niveau) = (pip?.Leerroute, pip?.Niveau);
        DateOnly? dagtekening = pip?.Dagtekening, vorigeDagtekening = v.VorigePip?.Dagtekening;
        var vorigeGemeente = v.VorigePip?.Gemeente.Waarde;
        return sessie.Db.Personen.Where(p => p.Bsn == bsn).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.PipGemeenteCode, pipGemeente)
            .SetProperty(p => p.PipDagtekening, dagtekening)
            .SetProperty(p => p.PipLeerroute, leerroute)
            .SetProperty(p => p.PipNiveau, niveau)
            .SetProperty(p => p.VorigePipGemeenteCode, vorigeGemeente)
            .SetProperty(p => p.VorigePipDagtekening, vorigeDagtekening)
            .SetProperty(p => p.DatumInburgeringsaanbod, t.DatumInburgeringsaanbod)
            .SetProperty(p => p.AanvangGemeld, t.AanvangGemeld)
            .SetProperty(p => p.TermijnLeerrouteStart, t.TermijnLeerrouteStart)
            .SetProperty(p => p.Ss126Verzonden, t.Ss126Verzonden)
            .SetProperty(p => p.Ss127Verzonden, t.Ss127Verzonden)
            .SetProperty(p => p.Ss128Verzonden, t.Ss128Verzonden)
            .SetProperty(p => p.BijgewerktOp, nu), ct);
    }
}
