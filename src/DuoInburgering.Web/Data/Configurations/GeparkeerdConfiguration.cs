using DuoInburgering.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal sealed class GeparkeerdConfiguration : IEntityTypeConfiguration<Vrijgave>, IEntityTypeConfiguration<RegimeKeuzeRegistratie>
{
    public void Configure(EntityTypeBuilder<Vrijgave> builder)
    {
        builder.ToTable("vrijgave");
        builder.Property(v => v.Id).UseIdentityAlwaysColumn();
        builder.Property(v => v.Door).HasMaxLength(200);
        builder.Property(v => v.Uitkomst).AlsTekst();
        builder.Property(v => v.Doelgroep).AlsTekst();
        builder.HasIndex(v => v.Op);
    }

    public void Configure(EntityTypeBuilder<RegimeKeuzeRegistratie> builder)
    {
        builder.ToTable("regime_keuze");
        builder.HasKey(k => k.Bsn);
        builder.Property(k => k.Bsn).HasMaxLength(9);
        builder.Property(k => k.Door).HasMaxLength(200);
        builder.Property(k => k.Regime).AlsTekst();
        builder.Property(k => k.VorigRegime).AlsTekst();
    }
}
