using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Overgang;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Npgsql;

namespace DuoInburgering.Web.Features.DuoPersoon;

/// <summary>A person as DUO sees them for the overgangsregeling 2022: decision, rules, parking, choice.</summary>
public sealed record DuoPersoon(
    string Bsn, string Naam, DateOnly Geboortedatum, Doelgroep? Doelgroep, RegimeUitkomst Uitkomst, string Reden, string RegelsetVersie,
    Verwerkingsstatus Status, string? GepubliceerdRegime, string? Gemeente, bool Geparkeerd, bool VrijgaveWacht, DateOnly? VrijgegevenOp,
    string RedenVolgensRegels, RegimeKeuze? Keuze, KeuzeVastlegging? Registratie,
    IReadOnlyList<(Regime Regime, KeuzeBeoordeling Beoordeling)> Mogelijk)
{
    /// <summary>The last day of the opt-in term, when one runs.</summary>
    public DateOnly? LaatsteKeuzedag => VrijgegevenOp is { } d ? Overgangsregeling2022.LaatsteKeuzedag(d) : null;
}

/// <summary>Who registered a choice, when and why (table regime_keuze).</summary>
public sealed record KeuzeVastlegging(Regime VorigRegime, string Door, string Reden, DateTimeOffset Op, int Ss190, int Signalen);

/// <summary>A registered choice: the move and what was sent.</summary>
/// <param name="Ss190">SS190s in the Wi2021 environment (leaving the Wi2021).</param>
/// <param name="Signalen">Every other signal of the move: SS110 in the Wi2013, the announcement in the new regime.</param>
public sealed record KeuzeResultaat(Regime Van, Regime Naar, int Ss190, int Signalen, string Toelichting);

/// <summary>
/// Registering a person's choice of regime (docs/domain.md "the outcome of 2022"). One transaction under the
/// processing lock: the domain rule <see cref="Overgangsregeling2022.BeoordeelKeuze"/> decides on the
/// locked row; then the choice is stored on the person (the derivation honours it from now on, also when
/// a later IND message re-derives them) and in regime_keuze with who and why, the old environment is
/// told, and the person is re-derived like any processing, which announces them in the new regime.
/// Leaving the Wi2021: <see cref="Wi2021Terugtrekking"/> (SS190, withdrawal). Leaving the Wi2013:
/// <see cref="Overgangsregeling2022.EindeWi2013"/> (SS110 naming the choice). The registration is a DUO action
/// in the audit log, with everything it caused, in the same transaction.
/// </summary>
public sealed class RegimeKeuzes(NpgsqlDataSource dataSource, TimeProvider klok, Auditlog auditlog)
{
    /// <summary>
    /// The person, or null for an unknown or malformed BSN. A person shown is a disclosure to this DUO user, recorded
    /// (<see cref="Verstrekkingen"/>) in the transaction of the read.
    /// </summary>
    public async Task<DuoPersoon?> LaadAsync(string bsn, PibGebruiker gebruiker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        if (!Bsn.TryParse(bsn, out _))
        {
            return null;
        }
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!(await PersoonBatch.LaadAsync(conn, [bsn], ct)).TryGetValue(bsn, out var regel) || regel.Persoon is not { } p)
        {
            return null;
        }
        var feiten = PersoonMapping.Feiten(p, regel.Coa, regel.Brp);
        var rules = Domain.Regimes.RegimeRegelsets.Huidig;
        var volgensRegels = rules.DeriveRegime(feiten.Ind);
        var gepubliceerd = PersoonMapping.Gepubliceerd(p);
        var vandaag = Infrastructure.PibVandaag.Van(klok);
        KeuzeVastlegging? registratie = null;
        await using (var cmd = new NpgsqlCommand(
            "select vorig_regime, door, reden, geregistreerd_op, ss190, signalen from regime_keuze where bsn = @bsn", conn))
        {
            cmd.Parameters.AddWithValue("bsn", bsn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                registratie = new KeuzeVastlegging(Kolomwaarden.Regime(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4), reader.GetInt32(5));
            }
        }
        var gemeente = p.PubGemeenteCode;
        await Verstrekkingen.RegistreerAsync(tx, auditlog, gebruiker, VerstrekkingKanaal.Scherm, "duo: persoonspagina", [bsn], klok.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return new DuoPersoon(p.Bsn, p.Naam, p.Geboortedatum, p.Doelgroep, p.Uitkomst, p.Reden, p.RegelsetVersie, p.Status,
            gepubliceerd?.ActiefRegime?.ToString(), gemeente, p.Geparkeerd, p.VrijgaveWacht, p.VrijgegevenOp, volgensRegels.Reden,
            feiten.Keuze, registratie,
            [.. new[] { Regime.Wi2013, Regime.Wi2021 }.Select(r =>
                (r, Overgangsregeling2022.BeoordeelKeuze(r, volgensRegels, gepubliceerd, feiten.Keuze, vandaag)))]);
    }

    /// <exception cref="DuoActieException">
    /// Refused with the Dutch reason (no reason given, unknown person, the domain rule says no, or the
    /// target group is paused); nothing is written.
    /// </exception>
    public async Task<KeuzeResultaat> RegistreerAsync(string bsn, Regime gekozen, string door, string reden, CancellationToken ct)
    {
        DuoInvoer.Controleer(door, reden, "elke keuze");
        if (!Bsn.TryParse(bsn, out _))
        {
            throw new DuoActieException("Dit is geen geldig BSN.");
        }

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var context = await Verwerkingscontext.LaadAsync(conn, klok, ct);
        if (!(await PersoonBatch.LaadAsync(conn, [bsn], ct)).TryGetValue(bsn, out var regel) || regel.Persoon is not { } p)
        {
            throw new DuoActieException("Er is geen persoon met dit BSN bekend.");
        }

        var feiten = PersoonMapping.Feiten(p, regel.Coa, regel.Brp);
        var volgensRegels = context.Rules.DeriveRegime(feiten.Ind);
        var gepubliceerd = PersoonMapping.Gepubliceerd(p);
        var beoordeling = Overgangsregeling2022.BeoordeelKeuze(gekozen, volgensRegels, gepubliceerd, feiten.Keuze, context.Vandaag);
        if (!beoordeling.Toegestaan)
        {
            throw new DuoActieException(beoordeling.Reden);
        }
        // A paused group publishes nothing: the move would leave the person told out of one environment
        // and not into the other. The choice waits for the resume (the opt-in term keeps running).
        if (volgensRegels.Doelgroep is { } doelgroep && context.IsGepauzeerd(new(gekozen, doelgroep)))
        {
            throw new DuoActieException($"De bepaling van {gekozen} / {doelgroep.Naam()} is gepauzeerd; registreer de keuze na het hervatten.");
        }

        var van = gepubliceerd!.ActiefRegime!.Value;
        var keuze = new RegimeKeuze(gekozen, KeuzeSoort.Keuze, context.Vandaag);
        await using (var update = new NpgsqlCommand(
            "update persoon set keuze_regime = @regime, keuze_soort = @soort, keuze_datum = @datum where bsn = @bsn", conn))
        {
            update.Parameters.AddWithValue("regime", keuze.Regime.ToString());
            update.Parameters.AddWithValue("soort", keuze.Soort.ToString());
            update.Parameters.AddWithValue("datum", keuze.Datum);
            update.Parameters.AddWithValue("bsn", bsn);
            await update.ExecuteNonQueryAsync(ct);
        }

        context.Audit.Voeg(DuoActies.Regel(Verwerkingsactiviteiten.KeuzeRegistreren, door, "keuze-registreren", reden, context.Nu,
            ("regime", gekozen.ToString()), ("vorig_regime", van.ToString()), ("soort", keuze.Soort.ToString())) with { Bsn = bsn });
        int ss190 = 0, signalen = 0;
        if (van == Regime.Wi2021)
        {
            ss190 = await Wi2021Terugtrekking.TrekTerugAsync(conn, [bsn], context.Vandaag, context.Nu, context.Audit, ct);
        }
        else
        {
            var einde = Overgangsregeling2022.EindeWi2013(gepubliceerd.Gemeente, keuze, context.Vandaag);
            await PersoonBatch.SchrijfSignalenAsync(conn, [.. einde.Select(s => (bsn, gepubliceerd.Doelgroep, s))], context.Nu,
                context.Audit, ct);
            signalen += einde.Count;
        }
        signalen += (await PersoonBatch.HerbepaalAsync(conn, [bsn], 1, context, ct)).Signalen;

        await using (var insert = new NpgsqlCommand("""
            insert into regime_keuze (bsn, regime, vorig_regime, datum, door, reden, geregistreerd_op, ss190, signalen)
            values (@bsn, @regime, @vorig, @datum, @door, @reden, @nu, @ss190, @signalen)
            """, conn))
        {
            insert.Parameters.AddWithValue("bsn", bsn);
            insert.Parameters.AddWithValue("regime", gekozen.ToString());
            insert.Parameters.AddWithValue("vorig", van.ToString());
            insert.Parameters.AddWithValue("datum", keuze.Datum);
            insert.Parameters.AddWithValue("door", door.Trim());
            insert.Parameters.AddWithValue("reden", reden.Trim());
            insert.Parameters.AddWithValue("nu", context.Nu);
            insert.Parameters.AddWithValue("ss190", ss190);
            insert.Parameters.AddWithValue("signalen", signalen);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await context.Audit.SchrijfAsync(auditlog, tx, ct);
        await tx.CommitAsync(ct);
        return new KeuzeResultaat(van, gekozen, ss190, signalen, Overgangsregeling2022.Uitleg(keuze));
    }
}
