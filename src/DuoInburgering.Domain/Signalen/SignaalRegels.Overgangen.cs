using System.Globalization;
using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Signalen;

/// <summary>The transitions behind <see cref="SignaalRegels.EmitSignals"/>: moves, first announcement, ending.</summary>
public static partial class SignaalRegels
{
    private static void VerhuisSignalen(PersoonToestand vorige, PersoonToestand nieuwe, Regime regime, DateOnly vandaag, List<Signaal> uit)
    {
        if (vorige.Gemeente == nieuwe.Gemeente)
        {
            return;
        }

        // The old municipality keeps what it had and hears only that the person left (docs/domain.md).
        if (vorige.Gemeente is GemeenteCode oud)
        {
            uit.Add(nieuwe.VertrokkenUitNederland
                ? new(SignaalCode.SS123, oud, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS123))
                : new(SignaalCode.SS122, oud, regime, vandaag, nieuwe.Gemeente is null
                    ? "Vertrokken; nieuwe gemeente (nog) niet bekend."
                    : SignaalCatalogus.Naam(SignaalCode.SS122)));
        }

        if (nieuwe.Gemeente is GemeenteCode nieuw)
        {
            // Never announced yet (obligation found while unlinked at COA): this is the first message.
            uit.Add(vorige.Gemeente is null && !vorige.AanvangGemeld
                ? Aanvang(nieuwe, nieuw, regime, vandaag)
                : nieuwe.HuidigePip is null
                    ? new(SignaalCode.SS120, nieuw, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS120))
                    : new(SignaalCode.SS121, nieuw, regime, vandaag, string.Create(CultureInfo.InvariantCulture,
                        $"In gemeente gevestigd met PIP van {nieuwe.HuidigePip.Gemeente} ({nieuwe.HuidigePip.Leerroute.Naam()}).")));
        }
    }

    private static Signaal Aanvang(PersoonToestand t, GemeenteCode g, Regime regime, DateOnly vandaag)
    {
        if (AowLeeftijd.BereiktBinnen(t.Geboortedatum, vandaag, AowVooraankondigingMaanden))
        {
            return new(SignaalCode.SS128, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS128));
        }

        return IsTermijnPlichtig(t, regime)
            ? new(SignaalCode.SS139, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS139))
            : new(SignaalCode.SS101, g, regime, vandaag, SignaalCatalogus.Naam(SignaalCode.SS101));
    }

    /// <summary>
    /// Our reading of M2M Gebeurtenissen.md SS139: the 10-week term to set the leerroute exists only
    /// under Wi2021, starts when the person lives in the municipality (an asylum status holder still
    /// at COA gets SS101; SS139 follows on leaving COA), and is moot once a PIP exists.
    /// </summary>
    private static bool IsTermijnPlichtig(PersoonToestand t, Regime regime) =>
        regime == Regime.Wi2021 && t.HuidigePip is null
        && !(t.Doelgroep == Doelgroep.Asielstatushouder && t.VerblijftInCoa);

    private static SignaalCode EindCode(PersoonToestand t) => t.EindReden switch
    {
        EindReden.Diploma => SignaalCode.SS106,
        EindReden.Vrijstelling => SignaalCode.SS107,
        EindReden.Ontheffing => SignaalCode.SS108,
        EindReden.Overleden => SignaalCode.SS111,
        _ => SignaalCode.SS110,
    };
}
