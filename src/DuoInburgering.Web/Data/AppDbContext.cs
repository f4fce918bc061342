using System.Text;
using DuoInburgering.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Gemeente> Gemeenten => Set<Gemeente>();
    public DbSet<Gebruiker> Gebruikers => Set<Gebruiker>();
    public DbSet<Persoon> Personen => Set<Persoon>();
    public DbSet<CoaFeit> CoaFeiten => Set<CoaFeit>();
    public DbSet<BrpFeit> BrpFeiten => Set<BrpFeit>();
    public DbSet<Bericht> Berichten => Set<Bericht>();
    public DbSet<SignaalRecord> Signalen => Set<SignaalRecord>();
    public DbSet<ImportRun> Importen => Set<ImportRun>();
    public DbSet<Afwijzing> Afwijzingen => Set<Afwijzing>();
    public DbSet<Pauze> Pauzes => Set<Pauze>();
    public DbSet<PauzeHistorie> PauzeHistorie => Set<PauzeHistorie>();
    public DbSet<Vrijgave> Vrijgaven => Set<Vrijgave>();
    public DbSet<RegimeKeuzeRegistratie> RegimeKeuzes => Set<RegimeKeuzeRegistratie>();
    public DbSet<MisplaatsingRecord> Misplaatsingen => Set<MisplaatsingRecord>();
    public DbSet<CorrectieVoorstel> Persoonscorrecties => Set<CorrectieVoorstel>();
    public DbSet<RegelsetActief> RegelsetActief => Set<RegelsetActief>();
    public DbSet<RegelsetHistorie> RegelsetHistorie => Set<RegelsetHistorie>();
    public DbSet<CorrectieRun> Correcties => Set<CorrectieRun>();
    public DbSet<CorrectiePersoon> CorrectiePersonen => Set<CorrectiePersoon>();

    /// <summary>The portal's sign-ins, server side (<see cref="Security.SessieRegister"/>).</summary>
    public DbSet<Sessie> Sessies => Set<Sessie>();

    /// <summary>The keys that protect session cookies and antiforgery tokens, shared by every instance and kept over restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Column names in snake_case, so hand-written SQL (bulk import, reports) reads naturally.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.GetColumnName() == property.Name)
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in SQL, safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
