using System.Globalization;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using DuoInburgering.Domain.Verwerking;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Audit;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DuoInburgering.Web.Verwerking;

/// <summary>
/// The audit entries of one processing transaction (issue 6): every fact message stored, every derivation,
/// every signal written or withdrawn, and the DUO action that started it, collected while the work runs and
/// written by the caller with <see cref="SchrijfAsync(Auditlog, NpgsqlTransaction, CancellationToken)"/> as the
/// last step before its commit. Appending takes the audit log's lock until that commit, so collecting first
/// keeps disclosures by caseworkers from waiting behind a whole import.
/// </summary>
/// <remarks>
/// An import of a million persons collects millions of entries, so an entry is a few references (no
/// dictionary) until it is written; the payload is built a slice at a time while writing. The writers of
/// persons and signals (<see cref="PersoonBatch"/>, <see cref="Wi2021Terugtrekking"/>,
/// <see cref="MisplaatsingRegistratie"/>) take this as a required argument, so no path writes a signal
/// without its entry. Not thread-safe: one transaction, one writer.
/// </remarks>
/// <param name="nu">The time of the processing run: the moment recorded for its facts, decisions and signals.</param>
public sealed class Verwerkingsaudit(DateTimeOffset nu)
{
    public const string Systeem = "systeem";
    public const string RolSysteem = "Systeem";
    public const string RolBron = "Bron";

    /// <summary>Entries per call to the audit log: bounds what it holds in memory at once.</summary>
    internal const int Schijf = 50_000;

    private readonly List<Invoer> _invoer = [];

    /// <summary>Explanations repeat across persons (same rule, same dates): kept once, not once per entry.</summary>
    private readonly Dictionary<string, string> _teksten = new(StringComparer.Ordinal);

    public DateTimeOffset Nu { get; } = nu;

    /// <summary>Entries collected and not yet written.</summary>
    public int Aantal => _invoer.Count;

    /// <summary>A fact message from IND, COA or BRP received and stored (not a repeat of a known message id).</summary>
    /// <param name="bron">IND, COA or BRP: the actor and the payload's <c>bron</c>.</param>
    public void FeitOntvangen(string bsn, string bron, string berichtId, long? importId) =>
        _invoer.Add(new FeitInvoer(bsn, bron, berichtId, importId));

    /// <summary>
    /// A derivation, as written into the person row: rule-set version, regime, status, doelgroep and the
    /// explanation; the municipality is the responsible one derived (none when nobody is responsible).
    /// </summary>
    /// <param name="toelichting">For a derivation that is not the regime rule (a PIP, a deadline): what was decided, in Dutch.</param>
    public void Bepaling(Persoon p, string? toelichting = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        _invoer.Add(new BepalingInvoer(p.Bsn, p.GemeenteCode, p.RegelsetVersie, p.Uitkomst, p.Status, p.Doelgroep,
            Gedeeld(toelichting ?? p.Reden), Gedeeld(p.KoppelingReden)));
    }

    private string Gedeeld(string tekst)
    {
        if (_teksten.TryGetValue(tekst, out var gedeeld))
        {
            return gedeeld;
        }
        _teksten[tekst] = tekst;
        return tekst;
    }

    /// <summary>A signal written for a municipality, with the id it was stored under.</summary>
    public void SignaalVerzonden(long id, string bsn, Signaal s)
    {
        ArgumentNullException.ThrowIfNull(s);
        _invoer.Add(new SignaalInvoer(AuditSoort.SignaalVerzonden, id, bsn, s.Code.ToString(), s.Regime.ToString(), s.Datum, s.Gemeente.Waarde));
    }

    /// <summary>A signal withdrawn from the municipality's view (a correction or a corrected municipality).</summary>
    public void SignaalIngetrokken(long id, string bsn, string code, string regime, DateOnly datum, string gemeente) =>
        _invoer.Add(new SignaalInvoer(AuditSoort.SignaalIngetrokken, id, bsn, code, regime, datum, gemeente));

    /// <summary>Any other entry of this transaction, e.g. the DUO action that started it (its own time, or the run's).</summary>
    public void Voeg(AuditRegel regel)
    {
        ArgumentNullException.ThrowIfNull(regel);
        _invoer.Add(new VrijeInvoer(regel));
    }

    public void Voeg(IEnumerable<AuditRegel> regels)
    {
        ArgumentNullException.ThrowIfNull(regels);
        foreach (var regel in regels)
        {
            Voeg(regel);
        }
    }

    /// <summary>The collected entries as audit rows, in the order they happened.</summary>
    public IEnumerable<AuditRegel> Regels() => _invoer.Select(i => i.Regel(Nu));

    /// <summary>
    /// Writes everything collected in <paramref name="transactie"/> and starts empty again. Call it as the
    /// last step before the commit: from here the audit log's lock is held until the transaction ends.
    /// </summary>
    public async Task SchrijfAsync(Auditlog auditlog, NpgsqlTransaction transactie, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(auditlog);
        ArgumentNullException.ThrowIfNull(transactie);
        for (var i = 0; i < _invoer.Count; i += Schijf)
        {
            var schijf = _invoer.GetRange(i, Math.Min(Schijf, _invoer.Count - i));
            await auditlog.SchrijfAsync(transactie, schijf.Select(e => e.Regel(Nu)), ct);
        }
        _invoer.Clear();
        _teksten.Clear();
    }

    /// <summary>In the context's current transaction (EF-based callers).</summary>
    public Task SchrijfAsync(Auditlog auditlog, AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transactie = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException(
                "Auditregels horen in de transactie van wat ze vastleggen: open eerst een transactie op de context.");
        return SchrijfAsync(auditlog, transactie, ct);
    }

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private abstract class Invoer
    {
        public abstract AuditRegel Regel(DateTimeOffset nu);
    }

    private sealed class FeitInvoer(string bsn, string bron, string berichtId, long? importId) : Invoer
    {
        public override AuditRegel Regel(DateTimeOffset nu)
        {
            var gegevens = new Dictionary<string, string?>(3, StringComparer.Ordinal)
            {
                ["bron"] = bron,
                ["bericht_id"] = berichtId,
            };
            if (importId is { } id)
            {
                gegevens["import_id"] = id.ToString(CultureInfo.InvariantCulture);
            }
            return new AuditRegel(AuditSoort.FeitOntvangen, Verwerkingsactiviteiten.FeitOntvangen, bron)
            {
                Bsn = bsn, Rol = RolBron, Tijdstip = nu, Gegevens = gegevens,
            };
        }
    }

    private sealed class BepalingInvoer(string bsn, string? gemeente, string regelset, RegimeUitkomst regime, Verwerkingsstatus status, Doelgroep? doelgroep,
        string toelichting, string koppeling) : Invoer
    {
        public override AuditRegel Regel(DateTimeOffset nu) =>
            new(AuditSoort.Bepaling, Verwerkingsactiviteiten.RegimeBepalen, Systeem)
            {
                Bsn = bsn,
                Rol = RolSysteem,
                GemeenteCode = gemeente,
                Tijdstip = nu,
                Gegevens = new Dictionary<string, string?>(6, StringComparer.Ordinal)
                {
                    ["regelset"] = regelset,
                    ["regime"] = regime.ToString(),
                    ["status"] = status.ToString(),
                    ["doelgroep"] = doelgroep?.ToString(),
                    ["toelichting"] = toelichting,
                    ["koppeling"] = koppeling,
                },
            };
    }

    private sealed class SignaalInvoer(AuditSoort soort, long id, string bsn, string code, string regime, DateOnly datum, string gemeente)
        : Invoer
    {
        public override AuditRegel Regel(DateTimeOffset nu) =>
            new(soort, soort == AuditSoort.SignaalVerzonden ? Verwerkingsactiviteiten.SignaalVersturen : Verwerkingsactiviteiten.SignaalIntrekken,
                Systeem)
            {
                Bsn = bsn,
                Rol = RolSysteem,
                GemeenteCode = gemeente,
                Tijdstip = nu,
                Gegevens = SignaalGegevens(code, regime, datum, id),
            };
    }

    /// <summary>The payload of every signal entry (sent, withdrawn, handled): code, environment, date and the signal's id.</summary>
    public static Dictionary<string, string?> SignaalGegevens(string code, string regime, DateOnly datum, long id) =>
        new(5, StringComparer.Ordinal)
        {
            ["code"] = code,
            ["regime"] = regime,
            ["datum"] = Datum(datum),
            ["signaal_id"] = id.ToString(CultureInfo.InvariantCulture),
        };

    private sealed class VrijeInvoer(AuditRegel regel) : Invoer
    {
        public override AuditRegel Regel(DateTimeOffset nu) => regel;
    }
}
