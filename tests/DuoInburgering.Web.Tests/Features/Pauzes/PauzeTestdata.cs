using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Verwerking;
using Npgsql;

namespace DuoInburgering.Web.Tests.Features.Pauzes;

/// <summary>Persons and a processing run as the import would do it: context (pauses, share lock) loaded from the database.</summary>
internal static class PauzeTestdata
{
    public static readonly DateTimeOffset Nu = new(2022, 3, 25, 9, 0, 0, TimeSpan.Zero);

    public static readonly TimeProvider Klok = new VasteKlok(Nu);

    /// <summary>Asylum permit made known on <paramref name="bekendmaking"/> (2021 → Wi2013, 2022 → Wi2021, 2010 → Wi2007).</summary>
    public static Persoon Asielstatushouder(string bsn, DateOnly bekendmaking) => new()
    {
        Bsn = bsn, Naam = "Demo Persoon", Geboortedatum = new DateOnly(1990, 5, 1), Nationaliteit = "SYR",
        Verblijfsdoel = "asiel", DatumBekendmakingBeschikking = bekendmaking,
        Uitkomst = default, RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
    };

    /// <summary>Family migrant whose residence document was handed out on 2022-02-01: Wi2021.</summary>
    public static Persoon Gezinsmigrant(string bsn) => new()
    {
        Bsn = bsn, Naam = "Demo Gezin", Geboortedatum = new DateOnly(1995, 2, 3), Nationaliteit = "MAR",
        Verblijfsdoel = "gezinshereniging", DatumUitreikingDocument = new DateOnly(2022, 2, 1),
        Uitkomst = default, RegelsetVersie = "", Reden = "", KoppelingReden = "", Status = default,
    };

    public static async Task<BatchResultaat> VerwerkAsync(string connectionString, params PersoonRegel[] regels)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var context = await Verwerkingscontext.LaadAsync(conn, Klok, CancellationToken.None);
        var r = await PersoonBatch.HerbepaalEnSchrijfAsync(conn, regels, context, CancellationToken.None);
        await tx.CommitAsync();
        return r;
    }

    private sealed class VasteKlok(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu;
    }
}
