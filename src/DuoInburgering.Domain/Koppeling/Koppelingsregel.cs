namespace DuoInburgering.Domain.Koppeling;

/// <summary>
/// Which municipality a person belongs to (docs/domain.md "Which municipality sees a person"; DUO M2M
/// README "Scope"): at a COA location → the municipality COA linked them to, none while not linked;
/// otherwise → the BRP municipality of registration.
/// </summary>
/// <remarks>
/// January 2022 failure 2: status holders registered at an AZC address were shown to the AZC's
/// municipality. This rule never falls back to the BRP municipality while the person lives at COA.
/// </remarks>
public static class Koppelingsregel
{
    public static GemeenteKoppeling BepaalGemeente(CoaFeiten? coa, BrpFeiten? brp)
    {
        if (brp?.DatumOverlijden is not null)
        {
            return new(null, "Overleden volgens de BRP: geen gemeente.");
        }

        if (brp is not null && brp.IsVertrokkenUitNederland)
        {
            return new(null, "Vertrokken uit Nederland volgens de BRP: geen gemeente.");
        }

        bool opCoaLocatie = (coa?.WoontOpCoaLocatie ?? false) || (brp?.AdresIsCoaLocatie ?? false);
        if (opCoaLocatie)
        {
            return coa?.GekoppeldeGemeente is { } gekoppeld
                ? new(gekoppeld, $"Woont op een COA-locatie; door het COA gekoppeld aan {gekoppeld}.")
                {
                    Grond = new KoppelingGrond(KoppelingBron.Coa, coa.DatumGekoppeld),
                }
                : new(null, "Woont op een COA-locatie en is nog niet door het COA aan een gemeente gekoppeld: geen gemeente.");
        }

        return brp?.Inschrijvingsgemeente is { } inschrijving
            ? new(inschrijving, $"Ingeschreven in de BRP in {inschrijving}.")
            {
                Grond = new KoppelingGrond(KoppelingBron.Brp, brp.DatumVestiging),
            }
            : new(null, "Geen inschrijving in de BRP bekend: geen gemeente.");
    }

    /// <summary>
    /// The WRONG linking of January 2022 (docs/domain.md "The job", failure 2), kept only so rule set 2021-12
    /// reproduces it and a correction to 2022-03 can compute who must move: a person at a COA location
    /// who is registered in the BRP was shown to the municipality of that address (the AZC's), not to
    /// the municipality COA linked them to. Without a BRP registration it fell back on the rule above.
    /// </summary>
    public static GemeenteKoppeling BepaalGemeenteVolgensAzcAdres(CoaFeiten? coa, BrpFeiten? brp)
    {
        bool opCoaLocatie = (coa?.WoontOpCoaLocatie ?? false) || (brp?.AdresIsCoaLocatie ?? false);
        if (opCoaLocatie && brp is { DatumOverlijden: null, IsVertrokkenUitNederland: false, Inschrijvingsgemeente: { } azcGemeente })
        {
            return new(azcGemeente,
                $"Woont op een COA-locatie; getoond aan de gemeente van het BRP-adres {azcGemeente} (foutieve koppeling 2021-12).");
        }

        return BepaalGemeente(coa, brp);
    }
}
