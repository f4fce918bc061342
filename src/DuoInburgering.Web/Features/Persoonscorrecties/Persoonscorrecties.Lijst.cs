using DuoInburgering.Web.Data.Entities;
using DuoInburgering.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DuoInburgering.Web.Features.Persoonscorrecties;

public sealed partial class Persoonscorrecties
{
    public const int LijstLengte = 200;

    /// <summary>
    /// The proposals, open ones first and then the newest decisions, with who, when and why; the BSNs shown
    /// are a disclosure to this DUO user and recorded.
    /// </summary>
    public async Task<IReadOnlyList<VoorstelRegel>> LijstAsync(PibGebruiker gebruiker, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(gebruiker);
        if (!IsDuo(gebruiker))
        {
            return [];
        }

        await using var werk = await Werk.BeginAsync(contexten, ct);
        var rijen = await werk.Db.Persoonscorrecties.AsNoTracking()
            .OrderBy(c => c.Status == CorrectieStatus.Open ? 0 : 1)
            .ThenByDescending(c => c.BeslotenOp ?? c.VoorgesteldOp)
            .ThenByDescending(c => c.Id)
            .Take(LijstLengte)
            .ToListAsync(ct);
        await RegistreerVerstrekkingAsync(werk, gebruiker, "persoonscorrecties: lijst", rijen.Select(r => r.Bsn), ct);
        await werk.Tx.CommitAsync(ct);

        return [.. rijen.Select(c => new VoorstelRegel(
            c.Id, c.Bsn, c.Status, c.Reden, c.VoorgesteldDoor, c.VoorgesteldOp,
            CorrectieFeitenJson.Verschillen(CorrectieFeitenJson.Lees(c.FeitenVoor), CorrectieFeitenJson.Lees(c.FeitenNa)),
            c.OudeUitkomst, c.NieuweUitkomst, c.OudeReden, c.NieuweReden, c.OudeGemeente, c.NieuweGemeente,
            c.OudeKoppelingReden, c.NieuweKoppelingReden, c.Gemeentewissel, c.VerlaatWi2021,
            c.BeslotenDoor, c.BeslotenOp, c.Afwijzingsreden, c.AantalSignalen))];
    }
}
