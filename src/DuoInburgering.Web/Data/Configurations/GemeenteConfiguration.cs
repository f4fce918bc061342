using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal sealed class GemeenteConfiguration : IEntityTypeConfiguration<Gemeente>
{
    public void Configure(EntityTypeBuilder<Gemeente> builder)
    {
        builder.ToTable("gemeente");
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasColumnName("code").HasMaxLength(6).IsFixedLength();
        builder.Property(g => g.Naam).HasColumnName("naam").HasMaxLength(100);
        builder.HasData(GemeentenCsv.Alle);
    }
}

internal sealed class GebruikerConfiguration : IEntityTypeConfiguration<Gebruiker>
{
    public void Configure(EntityTypeBuilder<Gebruiker> builder)
    {
        builder.ToTable("gebruiker");
        builder.Property(g => g.Id).HasColumnName("id");
        builder.Property(g => g.Gebruikersnaam).HasColumnName("gebruikersnaam").HasMaxLength(100);
        builder.HasIndex(g => g.Gebruikersnaam).IsUnique();
        builder.Property(g => g.Naam).HasColumnName("naam").HasMaxLength(200);
        builder.Property(g => g.Rol).HasColumnName("rol");
        builder.Property(g => g.GemeenteCode).HasColumnName("gemeente_code").HasMaxLength(6).IsFixedLength();
        builder.HasOne<Gemeente>().WithMany().HasForeignKey(g => g.GemeenteCode);
        builder.ToTable(t => t.HasCheckConstraint("ck_gebruiker_gemeente_rol",
            "(rol = 'Gemeente') = (gemeente_code is not null)"));
    }
}
