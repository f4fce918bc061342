using DuoInburgering.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal sealed class PersoonscorrectieConfiguration :
    IEntityTypeConfiguration<MisplaatsingRecord>, IEntityTypeConfiguration<CorrectieVoorstel>
{
    public void Configure(EntityTypeBuilder<MisplaatsingRecord> builder)
    {
        builder.ToTable("misplaatsing");
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.Bsn).HasMaxLength(9);
        builder.Property(m => m.OudeGemeente).HasMaxLength(6);
        builder.Property(m => m.NieuweGemeente).HasMaxLength(6);
        builder.Property(m => m.Regime).AlsTekst(10);
        builder.Property(m => m.BerichtId).HasMaxLength(100);
        builder.HasIndex(m => m.Bsn);
        // The breach report asks per municipality and period.
        builder.HasIndex(m => new { m.OudeGemeente, m.VastgesteldOp });
    }

    public void Configure(EntityTypeBuilder<CorrectieVoorstel> builder)
    {
        builder.ToTable("persoonscorrectie", t =>
        {
            // Four eyes, in the database as well as in code: whoever proposed may not decide.
            t.HasCheckConstraint("CK_persoonscorrectie_vier_ogen", "besloten_door is null or besloten_door <> voorgesteld_door");
            t.HasCheckConstraint("CK_persoonscorrectie_reden", "length(btrim(reden)) > 0");
            t.HasCheckConstraint("CK_persoonscorrectie_besluit",
                "(status = 'Open' and besloten_door is null and besloten_op is null) or " +
                "(status in ('Goedgekeurd', 'Afgewezen') and besloten_door is not null and besloten_op is not null)");
            t.HasCheckConstraint("CK_persoonscorrectie_afwijzingsreden",
                "status <> 'Afgewezen' or length(btrim(coalesce(afwijzingsreden, ''))) > 0");
        });
        builder.Property(c => c.Id).UseIdentityAlwaysColumn();
        builder.Property(c => c.Bsn).HasMaxLength(9);
        builder.Property(c => c.VoorgesteldDoor).HasMaxLength(200);
        builder.Property(c => c.BeslotenDoor).HasMaxLength(200);
        builder.Property(c => c.FeitenVoor).HasColumnType("jsonb");
        builder.Property(c => c.FeitenNa).HasColumnType("jsonb");
        builder.Property(c => c.OudeUitkomst).AlsTekst(20);
        builder.Property(c => c.NieuweUitkomst).AlsTekst(20);
        builder.Property(c => c.OudeGemeente).HasMaxLength(6);
        builder.Property(c => c.NieuweGemeente).HasMaxLength(6);
        // One open proposal per person: two at once would each be checked against facts the other changes.
        builder.HasIndex(c => c.Bsn, "IX_persoonscorrectie_open").IsUnique().HasFilter("status = 'Open'");
        builder.HasIndex(c => c.VoorgesteldOp);
    }
}
