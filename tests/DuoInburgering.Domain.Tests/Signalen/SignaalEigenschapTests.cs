using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Pip;
using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DuoInburgering.Domain.Tests.Signalen;

public class SignaalEigenschapTests
{
    private static readonly GemeenteCode?[] Gemeenten = [null, GemeenteCode.Parse("GM0363"), GemeenteCode.Parse("GM0599")];

    internal static Gen<PersoonToestand> Toestand() =>
        from u in Gen.Elements(Enum.GetValues<RegimeUitkomst>())
        from dg in Gen.Elements<Doelgroep?>(null, Doelgroep.Asielstatushouder, Doelgroep.Gezinsmigrant, Doelgroep.OverigeMigrant)
        from geboren in Gen.Choose(0, 365 * 70).Select(d => new DateOnly(1950, 1, 1).AddDays(d))
        from g in Gen.Elements(Gemeenten)
        from pipGemeente in Gen.Elements(Gemeenten)
        from vlaggen in Gen.Choose(0, 255)
        from eind in Gen.Elements<EindReden?>(null, EindReden.Diploma, EindReden.Overleden)
        select new PersoonToestand(u, dg, new DateOnly(2022, 2, 1), geboren, g)
        {
            VerblijftInCoa = (vlaggen & 1) != 0,
            VertrokkenUitNederland = (vlaggen & 2) != 0,
            HuidigePip = pipGemeente is { } pg ? new PipInfo(pg, new DateOnly(2022, 3, 1), Leerroute.B1Route) : null,
            AanvangGemeld = (vlaggen & 4) != 0,
            Geparkeerd = (vlaggen & 8) != 0,
            DatumInburgeringsaanbod = (vlaggen & 16) != 0 ? new DateOnly(2022, 4, 1) : null,
            EindReden = eind,
        };

    private static Arbitrary<DateOnly> Datum() =>
        Gen.Choose(0, 3000).Select(d => new DateOnly(2020, 1, 1).AddDays(d)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Zelfde_toestand_opnieuw_geeft_niets() =>
        Prop.ForAll(Toestand().ToArbitrary(), Datum(), (s, d) =>
            SignaalRegels.EmitSignals(s, s with { }, d).Count == 0);

    [Property(MaxTest = 500)]
    public Property Nooit_een_signaal_tijdens_parkeren() =>
        Prop.ForAll(Toestand().ToArbitrary(), Toestand().ToArbitrary(), Datum(), (v, n, d) =>
            SignaalRegels.EmitSignals(v, n with { Geparkeerd = true }, d).Count == 0);

    [Property(MaxTest = 500)]
    public Property Elk_signaal_gaat_naar_een_gemeente_die_de_persoon_kende() =>
        Prop.ForAll(Toestand().ToArbitrary(), Toestand().ToArbitrary(), Datum(), (v, n, d) =>
            SignaalRegels.EmitSignals(v, n, d).All(s => s.Gemeente == n.Gemeente || s.Gemeente == v.Gemeente));
}
