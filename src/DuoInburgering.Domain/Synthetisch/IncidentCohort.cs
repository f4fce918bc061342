using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Synthetisch;

public static partial class SynthetischePopulatie
{
    /// <summary>
    /// The January 2022 incident (docs/domain.md "The job") as fixed demo persons, written before the
    /// synthetic population whatever N is. Expected outcomes are those of rule set 2022-03 and the
    /// Koppelingsregel; tests check them against the real rules.
    /// </summary>
    /// <remarks>
    /// AZC Budel lies in Cranendonck, GM1706 (GM1724 is Bergeijk in the CBS 2022 list).
    /// All names are invented.
    /// </remarks>
    public static IReadOnlyList<DemoPersoon> IncidentCohort => CohortPersonen;

    private const string Westerwolde = "GM1950";
    private const string Cranendonck = "GM1706";

    private static readonly DemoGeval[] Cohort =
    [
        // (a) Asylum status holders, beschikking made known 2021-12-20..31, kennisgeving January 2022.
        Asiel("01", "999990019", "Samira", "Alkadour", "1994-03-12", "SYR",
            "2021-06-14", "2021-12-23", "2021-12-28", "2022-01-10",
            new CoaRij("AZC Ter Apel", null, null, null),
            new BrpRij(Westerwolde, true, D("2021-12-30"), null, null),
            "Asielstatushouder, beschikking bekendgemaakt 2021-12-28, kennisgeving 2022-01-10; woont in AZC Ter Apel "
            + "(Westerwolde, GM1950) zonder COA-koppeling: nog geen gemeente",
            "Wi2013", null),
        Asiel("02", "999990020", "Yonas", "Ghebrehan", "1999-08-02", "ERI",
            "2021-03-01", "2021-12-16", "2021-12-20", "2022-01-12",
            new CoaRij("AZC Ter Apel", null, null, null),
            new BrpRij(Westerwolde, true, D("2021-12-22"), null, null),
            "Asielstatushouder, beschikking bekendgemaakt 2021-12-20, kennisgeving 2022-01-12; woont in AZC Ter Apel "
            + "(Westerwolde, GM1950) zonder COA-koppeling: nog geen gemeente",
            "Wi2013", null),
        Asiel("03", "999990032", "Farid", "Karimzada", "1988-11-20", "AFG",
            "2021-08-30", "2021-12-17", "2021-12-22", "2022-01-14",
            new CoaRij("AZC Budel", "GM0363", D("2022-01-05"), null),
            new BrpRij(Cranendonck, true, D("2021-12-27"), null, null),
            "Asielstatushouder, beschikking bekendgemaakt 2021-12-22, kennisgeving 2022-01-14; woont in AZC Budel "
            + "(Cranendonck, GM1706), door het COA gekoppeld aan Amsterdam: GM0363, nooit GM1706",
            "Wi2013", "GM0363"),
        Asiel("04", "999990044", "Nour", "Dahmoud", "2001-01-15", "SYR",
            "2021-05-10", "2021-12-27", "2021-12-30", "2022-01-17",
            new CoaRij("AZC Budel", "GM0599", D("2022-01-07"), null),
            new BrpRij(Cranendonck, true, D("2022-01-03"), null, null),
            "Asielstatushouder, beschikking bekendgemaakt 2021-12-30, kennisgeving 2022-01-17; woont in AZC Budel "
            + "(Cranendonck, GM1706), door het COA gekoppeld aan Rotterdam: GM0599, nooit GM1706",
            "Wi2013", "GM0599"),
        Asiel("05", "999990056", "Tariq", "Wardani", "1979-06-30", "YEM",
            "2021-07-19", "2021-12-29", "2021-12-31", "2022-01-18",
            new CoaRij("AZC Ter Apel", "GM0518", D("2022-01-12"), null),
            null,
            "Asielstatushouder, beschikking bekendgemaakt 2021-12-31, kennisgeving 2022-01-18; in AZC Ter Apel, "
            + "nog niet in de BRP, door het COA gekoppeld aan 's-Gravenhage: GM0518",
            "Wi2013", "GM0518"),

        // (b) Family migrants: document handed out late 2021, kennisgeving January 2022.
        Gezin("06", "999990068", "Fatima", "Benali", "1993-09-09", "MAR", Verblijfsdoel.Gezinshereniging,
            "2021-09-20", "2021-12-01", "2021-12-15", "2022-01-11",
            new BrpRij("GM0599", false, D("2021-10-04"), null, null),
            "Gezinsmigrant (gezinshereniging), verblijfsdocument uitgereikt 2021-12-15, kennisgeving 2022-01-11; "
            + "ingeschreven in Rotterdam",
            "Wi2013", "GM0599"),
        Gezin("07", "999990081", "Priya", "Varma", "1996-04-21", "IND", Verblijfsdoel.Gezinsvorming,
            "2021-08-16", "2021-11-15", "2021-11-29", "2022-01-06",
            new BrpRij("GM0518", false, D("2021-09-01"), null, null),
            "Gezinsmigrant (gezinsvorming), verblijfsdocument uitgereikt 2021-11-29, kennisgeving 2022-01-06; "
            + "ingeschreven in 's-Gravenhage",
            "Wi2013", "GM0518"),

        // (c) Controls.
        Asiel("08", "999990093", "Meron", "Tesfazgi", "1997-12-03", "ERI",
            "2021-09-06", "2021-12-31", "2022-01-05", "2022-01-26",
            new CoaRij("AZC Ede", "GM0014", D("2022-01-19"), null),
            new BrpRij("GM0228", true, D("2022-01-07"), null, null),
            "Controle: asielstatushouder, beschikking bekendgemaakt 2022-01-05 (vanaf 2022): Wi2021; woont in AZC Ede, "
            + "door het COA gekoppeld aan Groningen: GM0014",
            "Wi2021", "GM0014"),
        Gezin("09", "999990111", "Rania", "Salehi", "1990-02-14", "SYR", Verblijfsdoel.Gezinshereniging,
            "2021-10-11", "2022-01-17", "2022-02-01", "2022-02-21",
            new BrpRij("GM0855", false, D("2021-11-01"), null, null),
            "Controle: gezinsmigrant (nareiziger), verblijfsdocument uitgereikt 2022-02-01: Wi2021; ingeschreven in Tilburg",
            "Wi2021", "GM0855"),
        Gezin("10", "999990123", "Ewa", "Zielanka", "1992-07-07", "POL", Verblijfsdoel.Gezinsvorming,
            "2021-09-01", "2021-11-26", "2021-12-10", null,
            new BrpRij("GM0363", false, D("2021-09-15"), null, null),
            "Controle: Poolse nationaliteit (EU): geen inburgeringsplicht; ingeschreven in Amsterdam",
            "geen", "GM0363"),
        Gezin("11", "999990135", "Elif", "Yildan", "1998-05-25", "TUR", Verblijfsdoel.Gezinshereniging,
            "2021-07-05", "2021-11-02", "2021-11-16", null,
            new BrpRij("GM0772", false, D("2021-07-20"), null, null),
            "Controle: Turkse gezinsmigrant, verblijfsdocument uitgereikt 2021-11-16 (Wi2013): geen inburgeringsplicht; "
            + "ingeschreven in Eindhoven",
            "geen", "GM0772"),
        Asiel("12", "999990147", "Mehmet", "Aksoylu", "1985-10-10", "TUR",
            "2020-12-07", "2021-11-18", "2021-11-23", "2021-12-20",
            new CoaRij("AZC Assen", "GM0268", D("2021-12-01"), D("2022-01-10")),
            new BrpRij("GM0268", false, D("2022-01-10"), null, null),
            "Controle: Turkse asielstatushouder, beschikking bekendgemaakt 2021-11-23 (na 2020-05-01): Wi2013; "
            + "uit AZC Assen uitgestroomd naar Nijmegen",
            "Wi2013", "GM0268"),

        // (d) Moved after leaving COA: the BRP municipality now decides.
        Asiel("13", "999990159", "Hassan", "Qaderi", "1991-04-04", "SYR",
            "2021-04-12", "2021-12-22", "2021-12-27", "2022-01-13",
            new CoaRij("AZC Ede", "GM0228", D("2022-01-04"), D("2022-02-14")),
            new BrpRij("GM0344", false, D("2023-05-01"), null, null),
            "Asielstatushouder, beschikking bekendgemaakt 2021-12-27, kennisgeving 2022-01-13; via het COA gehuisvest "
            + "in Ede (GM0228), in 2023 verhuisd naar Utrecht: de BRP zegt GM0344",
            "Wi2013", "GM0344"),
    ];

    private static readonly DemoPersoon[] CohortPersonen = Array.ConvertAll(Cohort, g => g.Persoon);

    private static readonly int CohortCoaRijen = Array.FindAll(Cohort, g => g.Coa is not null).Length;

    private static readonly int CohortBrpRijen = Array.FindAll(Cohort, g => g.Brp is not null).Length;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? Dn(string? iso) => iso is null ? null : D(iso);

    private static DemoGeval Asiel(
        string nr, string bsn, string voornaam, string achternaam, string geboren, string nat,
        string ingang, string beschikking, string bekendmaking, string? kennisgeving,
        CoaRij? coa, BrpRij? brp, string omschrijving, string regime, string? gemeente) =>
        Geval(nr, bsn, voornaam, achternaam, geboren, nat, Verblijfsdoel.Asiel,
            ingang, beschikking, bekendmaking, null, kennisgeving, coa, brp, omschrijving, regime, gemeente);

    private static DemoGeval Gezin(
        string nr, string bsn, string voornaam, string achternaam, string geboren, string nat, Verblijfsdoel doel,
        string ingang, string beschikking, string uitreiking, string? kennisgeving,
        BrpRij? brp, string omschrijving, string regime, string? gemeente) =>
        Geval(nr, bsn, voornaam, achternaam, geboren, nat, doel,
            ingang, beschikking, null, uitreiking, kennisgeving, null, brp, omschrijving, regime, gemeente);

    private static DemoGeval Geval(
        string nr, string bsn, string voornaam, string achternaam, string geboren, string nat, Verblijfsdoel doel,
        string ingang, string beschikking, string? bekendmaking, string? uitreiking, string? kennisgeving,
        CoaRij? coa, BrpRij? brp, string omschrijving, string regime, string? gemeente)
    {
        int bsnGetal = int.Parse(bsn, System.Globalization.CultureInfo.InvariantCulture);
        var ind = new IndRij(
            bsnGetal, 99_990_000L + int.Parse(nr, System.Globalization.CultureInfo.InvariantCulture),
            voornaam, achternaam, D(geboren), nat, doel,
            D(ingang), D(beschikking), Dn(bekendmaking), Dn(uitreiking), Dn(kennisgeving), null);
        var persoon = new DemoPersoon(bsn, voornaam + " " + achternaam, omschrijving, regime, gemeente);
        return new DemoGeval(nr, persoon, ind, coa, brp);
    }

    private sealed record DemoGeval(string Nummer, DemoPersoon Persoon, IndRij Ind, CoaRij? Coa, BrpRij? Brp);
}
