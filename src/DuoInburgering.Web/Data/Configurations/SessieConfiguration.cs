using DuoInburgering.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal sealed class SessieConfiguration : IEntityTypeConfiguration<Sessie>
{
    public void Configure(EntityTypeBuilder<Sessie> builder)
    {
        builder.ToTable("sessie");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Gebruiker).HasMaxLength(200);
        // Clearing old sessions (and finding a user's open ones) reads by start.
        builder.HasIndex(s => s.Begonnen);
    }
}
