using DuoInburgering.Web.Audit;
using DuoInburgering.Web.Verwerking.Feiten;
using Npgsql;

namespace DuoInburgering.Web.Features.Importen;

/// <summary>What became of an uploaded corrected file.</summary>
public abstract record HerimportUitkomst
{
    private HerimportUitkomst()
    {
    }

    /// <summary>Imported as a new run; its report.</summary>
    public sealed record Geimporteerd(ImportRapport Rapport) : HerimportUitkomst;

    /// <summary>The same file (SHA-256) was imported before, as run <paramref name="ImportId"/>; nothing changed.</summary>
    public sealed record AlGeimporteerd(long ImportId) : HerimportUitkomst;

    /// <summary>Not imported, with the Dutch reason; nothing changed.</summary>
    public sealed record Geweigerd(string Reden) : HerimportUitkomst;
}

/// <summary>
/// A retry from the imports page: the uploaded file is written to a temporary folder under its own name
/// (import_run.bestandsnaam is what the user uploaded) and goes through the same path as the CLI,
/// <see cref="FeitenImport.ImportAsync"/>: one transaction, rejects kept, a repeated file recognised.
/// The folder is removed afterwards, whatever happened.
/// </summary>
public sealed class Herimport(NpgsqlDataSource dataSource, TimeProvider klok, Auditlog auditlog, ILogger<Herimport> log)
{
    /// <summary>
    /// The upload goes through the Blazor circuit; a file of this size (about 300,000 IND lines) is read in
    /// tens of seconds. Larger files belong on the CLI's import verb.
    /// </summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public static string MaxTekst => $"{MaxBytes / (1024 * 1024)} MB";

    /// <param name="door">The DUO user: recorded in import_run.gestart_door and the audit log, not in the application log.</param>
    public async Task<HerimportUitkomst> ImporteerAsync(FeitBron bron, string bestandsnaam, Stream inhoud, string door, CancellationToken ct)
    {
        var map = Directory.CreateTempSubdirectory("pib-herimport-");
        try
        {
            var pad = Path.Combine(map.FullName, VeiligeNaam(bestandsnaam));
            await using (var uit = new FileStream(pad, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                if (!await KopieerAsync(inhoud, uit, ct))
                {
                    return new HerimportUitkomst.Geweigerd(
                        $"Het bestand is groter dan {MaxTekst}. Er is niets geïmporteerd; importeer een groot bestand met de CLI (import).");
                }
            }
            var rapport = await FeitenImport.ImportAsync(dataSource, bron, pad, door, klok, auditlog, ct);
            if (rapport.EerderGeimporteerd is { } eerder)
            {
                log.LogInformation("Herimport {Bron}: bestand was al geïmporteerd als import {Import}", bron.Code(), eerder);
                return new HerimportUitkomst.AlGeimporteerd(eerder);
            }
            log.LogInformation("Herimport {Bron}: import {Import}, {Rijen} rijen, {Verwerkt} verwerkt, {Afgewezen} afgewezen, {Dubbel} dubbel",
                bron.Code(), rapport.ImportId, rapport.Rijen, rapport.Verwerkt, rapport.Afgewezen.Count, rapport.Dubbel);
            return new HerimportUitkomst.Geimporteerd(rapport);
        }
        catch (FeitenCsvException e)
        {
            return new HerimportUitkomst.Geweigerd($"{e.Message} Er is niets geïmporteerd.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the type: a database message can quote a value from the file, and the log never gets personal data.
            log.LogError("Herimport {Bron} mislukt ({Fout}); de transactie is teruggedraaid", bron.Code(), e.GetType().Name);
            return new HerimportUitkomst.Geweigerd("De import is mislukt en teruggedraaid; er is niets gewijzigd. Probeer het opnieuw of meld het aan beheer.");
        }
        finally
        {
            map.Delete(recursive: true);
        }
    }

    /// <returns>False when the file is larger than <see cref="MaxBytes"/> (what was read is discarded with the folder).</returns>
    private static async Task<bool> KopieerAsync(Stream inhoud, Stream uit, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long totaal = 0;
        int n;
        while ((n = await inhoud.ReadAsync(buffer, ct)) > 0)
        {
            totaal += n;
            if (totaal > MaxBytes)
            {
                return false;
            }
            await uit.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        return true;
    }

    /// <summary>The browser's file name without any path and without characters a file name may not hold.</summary>
    public static string VeiligeNaam(string naam)
    {
        var ongeldig = Path.GetInvalidFileNameChars();
        var schoon = new string([.. Path.GetFileName(naam.Replace('\\', '/')).Where(c => !ongeldig.Contains(c) && !char.IsControl(c))]).Trim();
        if (schoon.Length > 120)
        {
            schoon = schoon[^120..];
        }
        return schoon.Length == 0 || schoon is "." or ".." ? "upload.csv" : schoon;
    }
}
