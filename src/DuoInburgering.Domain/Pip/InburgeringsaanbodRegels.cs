using System.Globalization;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Pip;

/// <summary>
/// Validation of a registered inburgeringsaanbod date, after DUO M2M README "Inburgeringsaanbod"
/// (the institution and course dates of the M2M API are not part of this portal's form).
/// </summary>
public static class InburgeringsaanbodRegels
{
    public const string Veld = "datumInburgeringsaanbod";

    public static IReadOnlyList<PipFout> Valideer(DateOnly datum, PipContext context, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fouten = new List<PipFout>();

        // The inburgeringsaanbod is a Wi2021 instrument (Wet inburgering 2021, art. 13).
        if (context.Uitkomst != RegimeUitkomst.Wi2021)
        {
            fouten.Add(new("regime", "Een inburgeringsaanbod kan alleen worden geregistreerd voor een inburgeringsplichtige onder de Wi2021."));
        }

        // M2M README: "Het inburgeringsaanbod is voor een asielmigrant".
        if (context.Doelgroep != Doelgroep.Asielstatushouder)
        {
            fouten.Add(new("doelgroep", "Een inburgeringsaanbod kan alleen worden geregistreerd voor een asielstatushouder."));
        }

        // M2M README: "De persoon heeft een PIP" and "ligt niet voor de dagtekening van de actuele PIP".
        if (context.DagtekeningActuelePip is not DateOnly dagtekening)
        {
            fouten.Add(new("pip", "Registreer eerst een PIP: een inburgeringsaanbod hoort bij een PIP."));
        }
        else if (datum < dagtekening)
        {
            fouten.Add(new(Veld, string.Create(CultureInfo.InvariantCulture,
                $"De datum van het inburgeringsaanbod mag niet vóór de dagtekening van het actuele PIP ({dagtekening:yyyy-MM-dd}) liggen.")));
        }

        // Our addition: the date records an offer that was made, so it cannot lie ahead.
        if (datum > vandaag)
        {
            fouten.Add(new(Veld, "De datum van het inburgeringsaanbod mag niet in de toekomst liggen."));
        }

        return fouten;
    }
}
