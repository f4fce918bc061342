using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Web.Infrastructure;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DuoInburgering.Web.Security;

/// <summary>
/// One municipal operation: a context and transaction in which PostgreSQL runs as role
/// <c>pib_gemeente</c>, keyed on this user's municipality and today's date, so row-level security
/// hides every other municipality's people whatever the query forgets. Commit to keep writes (a
/// handled signal, a recorded disclosure); disposing without commit rolls back.
/// </summary>
public sealed class GemeenteSessie : IAsyncDisposable
{
    public const string DatabaseRol = "pib_gemeente";

    private readonly IDbContextTransaction _transactie;

    private GemeenteSessie(AppDbContext db, IDbContextTransaction transactie, PibGebruiker gebruiker, DateOnly vandaag, Auditlog auditlog)
    {
        Db = db;
        Auditlog = auditlog;
        _transactie = transactie;
        Gebruiker = gebruiker;
        Vandaag = vandaag;
    }

    public AppDbContext Db { get; }
    public PibGebruiker Gebruiker { get; }
    /// <summary>This session's municipality; <c>Gemeente.Waarde</c> where a query compares it with a column.</summary>
    public GemeenteCode Gemeente => Gebruiker.GemeenteCode!.Value;
    public DateOnly Vandaag { get; }

    /// <summary>Where this session's disclosures go, in its transaction (<see cref="Verstrekkingen"/>).</summary>
    public Auditlog Auditlog { get; }

    public static async Task<GemeenteSessie> OpenAsync(
        IDbContextFactory<AppDbContext> factory, PibGebruiker gebruiker, DateOnly vandaag, Auditlog auditlog, CancellationToken ct = default)
    {
        if (gebruiker.Rol != Rol.Gemeente || gebruiker.GemeenteCode is null)
        {
            throw new InvalidOperationException("Alleen een gebruiker van een gemeente opent een gemeentesessie.");
        }

        var db = await factory.CreateDbContextAsync(ct);
        try
        {
            var transactie = await db.Database.BeginTransactionAsync(ct);
            var dag = vandaag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            // set_config(..., true) lasts until the transaction ends, so a pooled connection never carries it on.
            // No parallel workers: a municipal read touches one municipality's rows, and starting workers cost
            // more than they saved (benchmark "signalen", name search) while 100 caseworkers share the cores. No JIT
            // either: a page that stops after 25 rows can be estimated as a walk of the whole index, and compiling
            // that plan took 350 ms of a common name's search.
            await db.Database.ExecuteSqlAsync(
                $"select set_config('role', {DatabaseRol}, true), set_config('pib.gemeente', {gebruiker.GemeenteCode.Value.Waarde}, true), set_config('pib.vandaag', {dag}, true), set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)",
                ct);
            return new GemeenteSessie(db, transactie, gebruiker, vandaag, auditlog);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken ct = default) => _transactie.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _transactie.DisposeAsync();
        await Db.DisposeAsync();
    }
}

/// <summary>Opens <see cref="GemeenteSessie"/>s for the signed-in user on the injected clock.</summary>
public sealed class GemeenteSessies(IDbContextFactory<AppDbContext> factory, TimeProvider klok, Auditlog auditlog)
{
    public Task<GemeenteSessie> OpenAsync(PibGebruiker gebruiker, CancellationToken ct = default) =>
        GemeenteSessie.OpenAsync(factory, gebruiker, PibVandaag.Van(klok), auditlog, ct);
}
