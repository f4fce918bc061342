using DuoInburgering.Domain.Regimes;
using DuoInburgering.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal sealed class CorrectieConfiguration :
    IEntityTypeConfiguration<RegelsetActief>, IEntityTypeConfiguration<RegelsetHistorie>,
    IEntityTypeConfiguration<CorrectieRun>, IEntityTypeConfiguration<CorrectiePersoon>
{
    public void Configure(EntityTypeBuilder<RegelsetActief> builder)
    {
        builder.ToTable("regelset_actief", t => t.HasCheckConstraint("CK_regelset_actief_een_rij", "id = 1"));
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Versie).HasMaxLength(7).HasDefaultValue(Regelset2022_03.VersieCode);
        builder.HasData(new RegelsetActief { Versie = Regelset2022_03.VersieCode });
    }

    public void Configure(EntityTypeBuilder<RegelsetHistorie> builder)
    {
        builder.ToTable("regelset_historie");
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
        builder.Property(r => r.Versie).HasMaxLength(7);
        builder.Property(r => r.VorigeVersie).HasMaxLength(7);
    }

    public void Configure(EntityTypeBuilder<CorrectieRun> builder)
    {
        builder.ToTable("correctie");
        builder.Property(c => c.Id).UseIdentityAlwaysColumn();
        builder.Property(c => c.Versie).HasMaxLength(7);
        builder.Property(c => c.VorigeVersie).HasMaxLength(7);
        builder.Property(c => c.GemeenteCode).HasMaxLength(6);
        builder.Property(c => c.Regime).AlsTekst();
        builder.Property(c => c.Doelgroep).AlsTekst();
        builder.Property(c => c.LijstHash).HasMaxLength(64);
        builder.Property(c => c.Status).HasMaxLength(20);
        // Never twice: the same confirmed preview (version, scope, list) can make one run only, whatever
        // the application checks before; a second apply finds this run and does nothing.
        builder.HasIndex(c => c.LijstHash).IsUnique();
        // Processing asks on every run whether a correction was left half done (Verwerkingscontext).
        builder.HasIndex(c => c.Status, "IX_correctie_bezig").HasFilter("status = 'Bezig'");
    }

    public void Configure(EntityTypeBuilder<CorrectiePersoon> builder)
    {
        builder.ToTable("correctie_persoon");
        builder.HasKey(c => new { c.CorrectieId, c.Bsn });
        builder.Property(c => c.Bsn).HasMaxLength(9);
        builder.Property(c => c.Actie).AlsTekst(20);
        builder.Property(c => c.OudeUitkomst).AlsTekst();
        builder.Property(c => c.NieuweUitkomst).AlsTekst();
        builder.Property(c => c.OudeGemeente).HasMaxLength(6);
        builder.Property(c => c.NieuweGemeente).HasMaxLength(6);
        builder.HasOne<CorrectieRun>().WithMany().HasForeignKey(c => c.CorrectieId);
        builder.HasIndex(c => c.Bsn);
    }
}
