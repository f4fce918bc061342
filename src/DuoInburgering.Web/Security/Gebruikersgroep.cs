using DuoInburgering.Web.Data;

namespace DuoInburgering.Web.Security;

/// <summary>The three user groups of docs/domain.md, as the start page and the menu present them.</summary>
public sealed record Gebruikersgroep(Rol Rol, string Titel, string Href, string Omschrijving)
{
    public static readonly IReadOnlyList<Gebruikersgroep> Alle =
    [
        new(Rol.Gemeente, "Gemeente", "gemeente",
            "Klantmanagers inburgering bekijken, filteren, behandelen en downloaden de signalen van hun eigen gemeente."),
        new(Rol.Duo, "DUO", "duo",
            "Functioneel beheer en uitvoering pauzeren en hervatten de bepaling, voeren correcties uit en volgen importen."),
        new(Rol.Auditor, "Audit", "audit",
            "Auditors en de functionaris gegevensbescherming bekijken de geschiedenis van elk signaal en elke verstrekking."),
    ];

    public static Gebruikersgroep Van(Rol rol) => Alle.Single(g => g.Rol == rol);
}
