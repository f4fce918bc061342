using System.Globalization;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Pip;

/// <summary>
/// Validation of a submitted PIP, after DUO M2M README "Het aanleveren van een PIP".
/// Returns every violation, not just the first, so the caseworker fixes the form once.
/// </summary>
public static class PipRegels
{
    public const int MinIntensiteit = 1;
    public const int MaxIntensiteit = 9999;

    public static IReadOnlyList<PipFout> Valideer(PipAanvraag pip, PipContext context, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(pip);
        ArgumentNullException.ThrowIfNull(context);
        var fouten = new List<PipFout>();
        const string Dagtekening = "dagtekening";

        // A PIP is a Wi2021 instrument (Wet inburgering 2021, art. 15).
        if (context.Uitkomst != RegimeUitkomst.Wi2021)
        {
            fouten.Add(new("regime", "Een PIP kan alleen worden vastgesteld voor een inburgeringsplichtige onder de Wi2021."));
        }

        if (pip.Dagtekening > vandaag)
        {
            fouten.Add(new(Dagtekening, "De dagtekening mag niet in de toekomst liggen."));
        }

        if (context.StartInburgeringsplicht is DateOnly start && pip.Dagtekening < start)
        {
            fouten.Add(new(Dagtekening, $"De dagtekening mag niet vóór de start van de inburgeringsplicht ({Iso(start)}) liggen."));
        }

        if (context.DatumVestigingGemeente is DateOnly vestiging && pip.Dagtekening < vestiging)
        {
            fouten.Add(new(Dagtekening, $"De dagtekening mag niet vóór de vestiging in de gemeente ({Iso(vestiging)}) liggen."));
        }

        // A changed PIP may not be dated before the initial or the current PIP (M2M README).
        if (context.DagtekeningInitielePip is DateOnly initieel && pip.Dagtekening < initieel)
        {
            fouten.Add(new(Dagtekening, $"De dagtekening mag niet vóór de dagtekening van het eerste PIP ({Iso(initieel)}) liggen."));
        }

        if (context.DagtekeningActuelePip is DateOnly actueel && pip.Dagtekening < actueel)
        {
            fouten.Add(new(Dagtekening, $"De dagtekening mag niet vóór de dagtekening van het actuele PIP ({Iso(actueel)}) liggen."));
        }

        ControleerNiveau(pip, context.DagtekeningInitielePip is null, fouten);

        if (pip.GeschatteIntensiteitB1Route is int uren)
        {
            if (pip.Leerroute != Leerroute.B1Route || context.Doelgroep != Doelgroep.Asielstatushouder)
            {
                fouten.Add(new("geschatteIntensiteitB1Route", "De geschatte intensiteit mag alleen bij de B1-route van een asielstatushouder worden opgegeven."));
            }
            else if (uren is < MinIntensiteit or > MaxIntensiteit)
            {
                fouten.Add(new("geschatteIntensiteitB1Route", "De geschatte intensiteit moet tussen 1 en 9999 uur liggen."));
            }
        }

        return fouten;
    }

    /// <summary>M2M README: without a level, B1 is set for the B1-route and the onderwijsroute; the Z-route has none.</summary>
    public static PipNiveau? BepaalNiveau(PipAanvraag pip)
    {
        ArgumentNullException.ThrowIfNull(pip);
        return pip.Niveau ?? (pip.Leerroute == Leerroute.ZRoute ? null : PipNiveau.B1);
    }

    private static void ControleerNiveau(PipAanvraag pip, bool eerstePip, List<PipFout> fouten)
    {
        const string Veld = "niveau";
        switch (pip.Leerroute, pip.Niveau)
        {
            // M2M README: A2 not with the onderwijsroute. Our addition: A1 neither (the route aims at B1 or higher).
            case (Leerroute.Onderwijsroute, PipNiveau.A2 or PipNiveau.A1):
                fouten.Add(new(Veld, $"Niveau {pip.Niveau} mag niet bij de onderwijsroute."));
                break;

            // M2M README: B1 not with the Z-route. Our addition: B2 neither.
            case (Leerroute.ZRoute, PipNiveau.B1 or PipNiveau.B2):
                fouten.Add(new(Veld, $"Niveau {pip.Niveau} mag niet bij de Z-route."));
                break;

            // M2M README: A2 with the B1-route only when this is not the first PIP (of any municipality).
            case (Leerroute.B1Route, PipNiveau.A2) when eerstePip:
                fouten.Add(new(Veld, "Niveau A2 mag bij de B1-route niet in het eerste PIP van de inburgeraar."));
                break;

            // Our addition: the B1-route's minimum level is A2 or B1 (M2M NiveauPip), never A1 or B2.
            case (Leerroute.B1Route, PipNiveau.A1 or PipNiveau.B2):
                fouten.Add(new(Veld, $"Niveau {pip.Niveau} mag niet bij de B1-route; kies A2 of B1."));
                break;
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
