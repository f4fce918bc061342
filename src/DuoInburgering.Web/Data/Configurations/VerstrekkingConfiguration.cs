using DuoInburgering.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal sealed class VerstrekkingConfiguration : IEntityTypeConfiguration<Verstrekking>
{
    public void Configure(EntityTypeBuilder<Verstrekking> builder)
    {
        builder.ToTable("verstrekking");
        builder.Property(v => v.Id).UseIdentityAlwaysColumn();
        builder.Property(v => v.GemeenteCode).HasMaxLength(6);
        builder.Property(v => v.GebruikerId).HasMaxLength(200);
        builder.Property(v => v.Rol).HasMaxLength(20);
        builder.Property(v => v.Omschrijving).HasMaxLength(200);
        builder.HasIndex(v => new { v.GemeenteCode, v.Tijdstip });
    }
}
