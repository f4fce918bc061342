using DuoInburgering.Domain.Identiteit;
using DuoInburgering.Domain.Regimes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DuoInburgering.Domain.Tests.Regimes;

public class RegimeEigenschapTests
{
    private static readonly string[] Landen = ["SYR", "ERI", "TUR", "MAR", "DEU", "NLD", "CHE", "AFG"];

    private static Gen<DateOnly?> MisschienDatum() =>
        Gen.Frequency(
            (1, Gen.Constant<DateOnly?>(null)),
            (4, Gen.Choose(0, 365 * 20).Select(d => (DateOnly?)new DateOnly(2008, 1, 1).AddDays(d))));

    private static Arbitrary<IndFeiten> Feiten() =>
        (from geboren in Gen.Choose(0, 365 * 80).Select(d => new DateOnly(1940, 1, 1).AddDays(d))
         from land in Gen.Elements(Landen)
         from doel in Gen.Elements(Enum.GetValues<Verblijfsdoel>())
         from ingang in MisschienDatum()
         from beschikking in MisschienDatum()
         from bekendmaking in MisschienDatum()
         from uitreiking in MisschienDatum()
         from kennisgeving in MisschienDatum()
         select new IndFeiten(Bsn.Parse("123456782"), geboren, land, doel, ingang, beschikking, bekendmaking, uitreiking, kennisgeving))
        .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Regime_hangt_onder_2022_03_niet_af_van_kennisgeving_of_ingang() =>
        Prop.ForAll(Feiten(), MisschienDatum().ToArbitrary(), MisschienDatum().ToArbitrary(), (f, k, i) =>
            Regelset2022_03.Instance.DeriveRegime(f)
            == Regelset2022_03.Instance.DeriveRegime(f with { DatumKennisgeving = k, DatumIngangVerblijfsrecht = i }));

    [Property(MaxTest = 500)]
    public Property Startdatum_is_nooit_voor_peildatum_of_zestiende_verjaardag() =>
        Prop.ForAll(Feiten(), f =>
        {
            RegimeBesluit b = Regelset2022_03.Instance.DeriveRegime(f);
            return b.Startdatum is not DateOnly s
                || (s >= b.Peildatum && s >= f.Geboortedatum.AddYears(16) && (s == b.Peildatum || s == f.Geboortedatum.AddYears(16)));
        });

    [Property(MaxTest = 500)]
    public Property Reden_is_één_regel() =>
        Prop.ForAll(Feiten(), f =>
        {
            string r = Regelset2021_12.Instance.DeriveRegime(f).Reden;
            return r.Length > 0 && !r.Contains('\n', StringComparison.Ordinal);
        });
}
