using DuoInburgering.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal sealed class PersoonConfiguration : IEntityTypeConfiguration<Persoon>
{
    public void Configure(EntityTypeBuilder<Persoon> builder)
    {
        builder.ToTable("persoon");
        builder.HasKey(p => p.Bsn);
        builder.Property(p => p.Bsn).HasMaxLength(9);
        builder.Property(p => p.GemeenteCode).HasMaxLength(6);
        builder.Property(p => p.PubGemeenteCode).HasMaxLength(6);
        builder.Property(p => p.PipGemeenteCode).HasMaxLength(6);
        builder.Property(p => p.VorigePipGemeenteCode).HasMaxLength(6);
        // The column keeps its first name; the property says Regelset like the rest of the code.
        builder.Property(p => p.RegelsetVersie).HasColumnName("rule_set_versie");
        builder.Property(p => p.Uitkomst).AlsTekst();
        builder.Property(p => p.Doelgroep).AlsTekst();
        builder.Property(p => p.Status).AlsTekst();
        builder.Property(p => p.PubUitkomst).AlsTekst();
        builder.Property(p => p.PubDoelgroep).AlsTekst();
        builder.Property(p => p.PubKoppelingBron).AlsTekst();
        builder.Property(p => p.EindReden).AlsTekst();
        builder.Property(p => p.KeuzeRegime).AlsTekst();
        builder.Property(p => p.KeuzeSoort).AlsTekst();
        builder.Property(p => p.PipLeerroute).AlsTekst();
        builder.Property(p => p.PipNiveau).AlsTekst();
        // Only the waiting persons are ever looked up by status (resume, pause overview), and they are
        // few: a partial index serves those queries in bsn order and costs nothing on bulk writes.
        builder.HasIndex(p => new { p.Uitkomst, p.Doelgroep, p.Bsn }, "IX_persoon_uitgesteld").HasFilter("status = 'Uitgesteld'");
        // The parked persons are few and listed per group (Features/Geparkeerd): same idea as above.
        builder.HasIndex(p => new { p.Uitkomst, p.Doelgroep, p.Bsn }, "IX_persoon_geparkeerd").HasFilter("geparkeerd");
        builder.HasIndex(p => p.GemeenteCode);
        // Covering every column row-level security and the signal list's person filters read, so "the
        // people registered in this municipality named ..." is an index-only scan (Features/Signalen,
        // SignalenQuery.Zichtbaar); with the two below, each way a person becomes visible has its index.
        // Zoeknaam is lower(naam) kept by PostgreSQL: LIKE on it is about three times cheaper than ILIKE on naam.
        builder.Property(p => p.Zoeknaam).HasComputedColumnSql("lower(naam)", stored: true);
        builder.HasIndex(p => p.PubGemeenteCode)
            .IncludeProperties(p => new
            {
                p.Bsn, p.Naam, p.Zoeknaam, p.Geparkeerd, p.PubUitkomst, p.PipGemeenteCode, p.VorigePipGemeenteCode, p.PipDagtekening,
            });
        builder.HasIndex(p => p.PipGemeenteCode).HasFilter("pip_gemeente_code IS NOT NULL");
        builder.HasIndex(p => p.VorigePipGemeenteCode).HasFilter("vorige_pip_gemeente_code IS NOT NULL");
    }
}

internal sealed class CoaFeitConfiguration : IEntityTypeConfiguration<CoaFeit>
{
    public void Configure(EntityTypeBuilder<CoaFeit> builder)
    {
        builder.ToTable("coa_feit");
        builder.HasKey(c => c.Bsn);
        builder.Property(c => c.Bsn).HasMaxLength(9);
        builder.Property(c => c.GekoppeldeGemeente).HasMaxLength(6);
    }
}

internal sealed class BrpFeitConfiguration : IEntityTypeConfiguration<BrpFeit>
{
    public void Configure(EntityTypeBuilder<BrpFeit> builder)
    {
        builder.ToTable("brp_feit");
        builder.HasKey(b => b.Bsn);
        builder.Property(b => b.Bsn).HasMaxLength(9);
        builder.Property(b => b.Gemeente).HasMaxLength(6);
    }
}

internal sealed class BerichtConfiguration : IEntityTypeConfiguration<Bericht>
{
    public void Configure(EntityTypeBuilder<Bericht> builder)
    {
        builder.ToTable("bericht");
        // A message id is a source's own: deduplicated per source, so one source can neither claim nor probe another's ids.
        builder.HasKey(b => new { b.Bron, b.BerichtId });
        builder.Property(b => b.BerichtId).HasMaxLength(100);
        // The imports page counts the messages that came one by one (POST /api/feiten) per source and day;
        // they are a sliver of the table, so a partial index keeps that an index-only scan (Features/Importen).
        builder.HasIndex(b => new { b.Bron, b.OntvangenOp }, "IX_bericht_los").HasFilter("import_id IS NULL");
    }
}

internal sealed class SignaalConfiguration : IEntityTypeConfiguration<SignaalRecord>
{
    public void Configure(EntityTypeBuilder<SignaalRecord> builder)
    {
        builder.ToTable("signaal");
        builder.Property(s => s.Id).UseIdentityAlwaysColumn();
        builder.Property(s => s.Bsn).HasMaxLength(9);
        builder.Property(s => s.GemeenteCode).HasMaxLength(6);
        builder.Property(s => s.Code).AlsTekst();
        builder.Property(s => s.Regime).AlsTekst();
        builder.Property(s => s.Doelgroep).AlsTekst();
        builder.HasIndex(s => s.Bsn);

        // The signal list (Features/Signalen): one index per sort, each on the visible signals only and
        // covering every column the list reads, so the first page, every sort, a count of up to 10,001 rows and a
        // download in the list's order are index-only walks (benchmark: tests/DuoInburgering.Benchmarks "signalen").
        const string zichtbaar = "ingetrokken_op IS NULL";
        builder.HasIndex(s => new { s.GemeenteCode, s.Regime, s.Datum, s.Id }, "IX_signaal_lijst_datum").HasFilter(zichtbaar)
            .IncludeProperties(s => new { s.Bsn, s.Code, s.Doelgroep, s.AfgehandeldOp });
        builder.HasIndex(s => new { s.GemeenteCode, s.Regime, s.Code, s.Datum, s.Id }, "IX_signaal_lijst_code").HasFilter(zichtbaar)
            .IncludeProperties(s => new { s.Bsn, s.Doelgroep, s.AfgehandeldOp });
        builder.HasIndex(s => new { s.GemeenteCode, s.Regime, s.Bsn, s.Datum, s.Id }, "IX_signaal_lijst_bsn").HasFilter(zichtbaar)
            .IncludeProperties(s => new { s.Code, s.Doelgroep, s.AfgehandeldOp });
        builder.HasIndex(s => new { s.GemeenteCode, s.Regime, s.Doelgroep, s.Datum, s.Id }, "IX_signaal_lijst_doelgroep").HasFilter(zichtbaar)
            .IncludeProperties(s => new { s.Bsn, s.Code, s.AfgehandeldOp });
    }
}

internal sealed class ImportConfiguration :
    IEntityTypeConfiguration<ImportRun>, IEntityTypeConfiguration<Afwijzing>,
    IEntityTypeConfiguration<Pauze>, IEntityTypeConfiguration<PauzeHistorie>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("import_run");
        builder.Property(i => i.Id).UseIdentityAlwaysColumn();
    }

    public void Configure(EntityTypeBuilder<Afwijzing> builder)
    {
        builder.ToTable("afwijzing");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(a => a.ImportId);
        // Rejected single messages per source and day, as the imports page lists and pages them.
        builder.HasIndex(a => new { a.Bron, a.OntvangenOp }, "IX_afwijzing_los").HasFilter("import_id IS NULL");
    }

    public void Configure(EntityTypeBuilder<Pauze> builder)
    {
        builder.ToTable("pauze");
        builder.HasKey(p => new { p.Regime, p.Doelgroep });
        builder.Property(p => p.Regime).AlsTekst();
        builder.Property(p => p.Doelgroep).AlsTekst();
    }

    public void Configure(EntityTypeBuilder<PauzeHistorie> builder)
    {
        builder.ToTable("pauze_historie");
        builder.Property(p => p.Id).UseIdentityAlwaysColumn();
        builder.Property(p => p.Regime).AlsTekst();
        builder.Property(p => p.Doelgroep).AlsTekst();
    }
}
