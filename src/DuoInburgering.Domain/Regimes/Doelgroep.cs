namespace DuoInburgering.Domain.Regimes;

/// <summary>Target group (docs/domain.md glossary). Decides which date is the peildatum.</summary>
public enum Doelgroep
{
    Asielstatushouder,
    Gezinsmigrant,
    OverigeMigrant,
}

public static class DoelgroepExtensions
{
    public static string Naam(this Doelgroep doelgroep) => doelgroep switch
    {
        Doelgroep.Asielstatushouder => "Asielstatushouder",
        Doelgroep.Gezinsmigrant => "Gezinsmigrant",
        _ => "Overige migrant",
    };
}
