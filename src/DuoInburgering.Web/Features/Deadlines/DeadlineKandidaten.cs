using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Verwerking;
using Npgsql;

namespace DuoInburgering.Web.Features.Deadlines;

/// <summary>
/// The SQL half of a deadline run: one keyset chunk of persons with a published running obligation
/// (not parked, a municipality known, regime and doelgroep not paused) for whom at least one deadline
/// may be due today. The conditions are a superset of <see cref="DeadlineRegels.EmitDue"/>, which stays
/// the one that decides; they only keep the million persons whose deadlines are long past or far away
/// out of the run. Rows are locked until the chunk commits, so processing cannot interleave.
/// </summary>
internal static class DeadlineKandidaten
{
    private static readonly string Sql = $"""
        select {string.Join(", ", PersoonKolommen.Alle.Select(k => "p." + k.Naam))}
        from persoon p
        where p.bsn > @na
          and p.status = @bepaald
          and p.pub_uitkomst = any(@regimes)
          and p.eind_reden is null
          and not p.geparkeerd
          and p.pub_gemeente_code is not null
          and not exists (select 1 from unnest(@pauze_regime, @pauze_doelgroep) as z(regime, doelgroep)
                          where z.regime = p.pub_uitkomst and z.doelgroep = p.pub_doelgroep)
          and (
               (not p.ss126_verzonden and p.termijn_leerroute_start <= @ss126_termijn_uiterlijk
                and (p.pip_gemeente_code is null or p.pip_dagtekening is null or p.pip_leerroute is null))
            or (not p.ss127_verzonden and p.pub_uitkomst = @wi2021 and p.pub_doelgroep = @asiel
                and p.pip_gemeente_code is not null and p.pip_leerroute is not null
                and p.pip_dagtekening <= @ss127_dagtekening_uiterlijk and p.datum_inburgeringsaanbod is null)
            or (not p.ss128_verzonden and p.geboortedatum > @ss128_geboren_na and p.geboortedatum <= @ss128_geboren_uiterlijk))
        order by p.bsn
        limit @chunk
        for update of p
        """;

    public static async Task<List<Persoon>> LaadAsync(NpgsqlConnection conn, string na, int chunk, DateOnly vandaag,
        IReadOnlySet<PauzeSleutel> pauzes, DeadlineInstellingen inst, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("na", na));
        cmd.Parameters.Add(new NpgsqlParameter<string>("bepaald", nameof(Verwerkingsstatus.Bepaald)));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("regimes", Enum.GetNames<Regime>()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("pauze_regime", [.. pauzes.Select(z => z.Regime.ToString())]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("pauze_doelgroep", [.. pauzes.Select(z => z.Doelgroep.ToString())]));
        cmd.Parameters.Add(new NpgsqlParameter<string>("wi2021", nameof(Regime.Wi2021)));
        cmd.Parameters.Add(new NpgsqlParameter<string>("asiel", nameof(Doelgroep.Asielstatushouder)));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("ss126_termijn_uiterlijk", vandaag.AddDays(-inst.LeerrouteTermijnDagen)));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("ss127_dagtekening_uiterlijk", vandaag.AddDays(-inst.AanbodWachttijdDagen)));
        // The AOW date lies between 65 and 67 years after birth (AowLeeftijd); a month of slack each
        // side keeps this a superset whatever the month-end arithmetic.
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("ss128_geboren_na", vandaag.AddYears(-67).AddMonths(-1)));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("ss128_geboren_uiterlijk",
            vandaag.AddYears(-65).AddMonths(inst.AowVooraankondigingMaanden + 1)));
        cmd.Parameters.Add(new NpgsqlParameter<int>("chunk", chunk));
        cmd.CommandTimeout = 0;

        var personen = new List<Persoon>(Math.Min(chunk, 1024));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            personen.Add(PersoonKolommen.Lees(reader, 0));
        }
        return personen;
    }
}
