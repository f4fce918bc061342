using DuoInburgering.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Demo;

/// <summary>Demo users for Development, written once: a second run finds them and adds nothing.</summary>
public static class DemoGebruikers
{
    public static readonly IReadOnlyList<Gebruiker> Alle =
    [
        new() { Gebruikersnaam = "km.amsterdam", Naam = "Klantmanager Amsterdam", Rol = Rol.Gemeente, GemeenteCode = "GM0363" },
        new() { Gebruikersnaam = "km.rotterdam", Naam = "Klantmanager Rotterdam", Rol = Rol.Gemeente, GemeenteCode = "GM0599" },
        new() { Gebruikersnaam = "km.utrecht", Naam = "Klantmanager Utrecht", Rol = Rol.Gemeente, GemeenteCode = "GM0344" },
        new() { Gebruikersnaam = "km.denhaag", Naam = "Klantmanager Den Haag", Rol = Rol.Gemeente, GemeenteCode = "GM0518" },
        new() { Gebruikersnaam = "km.ede", Naam = "Klantmanager Ede", Rol = Rol.Gemeente, GemeenteCode = "GM0228" },
        new() { Gebruikersnaam = "duo.beheer", Naam = "Functioneel beheer DUO", Rol = Rol.Duo },
        new() { Gebruikersnaam = "duo.uitvoering", Naam = "Uitvoering DUO", Rol = Rol.Duo },
        // The second pair of eyes for single-person corrections (/duo/persoonscorrecties): proposes nothing, approves.
        new() { Gebruikersnaam = "duo.controle", Naam = "Controleur DUO", Rol = Rol.Duo },
        new() { Gebruikersnaam = "fg.auditor", Naam = "Functionaris gegevensbescherming", Rol = Rol.Auditor },
    ];

    public static async Task SchrijfAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var bestaand = await db.Gebruikers.Select(g => g.Gebruikersnaam).ToListAsync(ct);
        foreach (var demo in Alle.Where(d => !bestaand.Contains(d.Gebruikersnaam)))
        {
            db.Gebruikers.Add(new Gebruiker
            {
                Gebruikersnaam = demo.Gebruikersnaam,
                Naam = demo.Naam,
                Rol = demo.Rol,
                GemeenteCode = demo.GemeenteCode,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
