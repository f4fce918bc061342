using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Domain.Synthetisch;

/// <summary>A municipality from data/gemeenten.csv (CBS 2022 set).</summary>
internal sealed record Gemeente(string Code, string Naam);

/// <summary>A COA location and the municipality its address lies in.</summary>
internal sealed record CoaLocatie(string Naam, string GemeenteCode);

/// <summary>
/// The embedded weighted lists. Codes and names are copied from data/gemeenten.csv (the Domain cannot
/// read that file); a test checks every code against it.
/// </summary>
internal static class Tabellen
{
    public static readonly Gemeente Amsterdam = new("GM0363", "Amsterdam");
    public static readonly Gemeente Rotterdam = new("GM0599", "Rotterdam");
    public static readonly Gemeente DenHaag = new("GM0518", "'s-Gravenhage");
    public static readonly Gemeente Utrecht = new("GM0344", "Utrecht");
    public static readonly Gemeente Ede = new("GM0228", "Ede");
    public static readonly Gemeente Westerwolde = new("GM1950", "Westerwolde");

    /// <summary>Budel lies in Cranendonck (GM1706); GM1724 is Bergeijk.</summary>
    public static readonly Gemeente Cranendonck = new("GM1706", "Cranendonck");

    /// <summary>Where people live (BRP) and where COA links them to; the big four weigh heavily.</summary>
    public static readonly Gewogen<Gemeente> Woongemeenten = new(
    [
        (Amsterdam, 120), (Rotterdam, 100), (DenHaag, 90), (Utrecht, 60),
        (Ede, 10), (new("GM0855", "Tilburg"), 18), (new("GM0772", "Eindhoven"), 20),
        (new("GM0014", "Groningen"), 18), (new("GM0034", "Almere"), 16), (new("GM0268", "Nijmegen"), 14),
        (new("GM0202", "Arnhem"), 14), (new("GM0153", "Enschede"), 12), (new("GM0193", "Zwolle"), 10),
        (new("GM0307", "Amersfoort"), 12), (new("GM0546", "Leiden"), 10), (new("GM0758", "Breda"), 12),
        (new("GM0935", "Maastricht"), 9), (new("GM0392", "Haarlem"), 10), (new("GM0479", "Zaanstad"), 10),
        (new("GM0200", "Apeldoorn"), 10), (new("GM0361", "Alkmaar"), 7), (new("GM0141", "Almelo"), 5),
        (new("GM0362", "Amstelveen"), 7), (new("GM0106", "Assen"), 5), (new("GM0503", "Delft"), 7),
        (new("GM0150", "Deventer"), 7), (new("GM0505", "Dordrecht"), 8), (new("GM0114", "Emmen"), 6),
        (new("GM0394", "Haarlemmermeer"), 9), (new("GM0917", "Heerlen"), 6), (new("GM0794", "Helmond"), 6),
        (new("GM0164", "Hengelo (O.)"), 5), (new("GM0796", "'s-Hertogenbosch"), 9), (new("GM0402", "Hilversum"), 5),
        (new("GM0080", "Leeuwarden"), 7), (new("GM0995", "Lelystad"), 5), (new("GM0828", "Oss"), 5),
        (new("GM0606", "Schiedam"), 6), (new("GM0983", "Venlo"), 6), (new("GM0622", "Vlaardingen"), 5),
        (new("GM1783", "Westland"), 6), (new("GM0637", "Zoetermeer"), 8), (new("GM0355", "Zeist"), 4),
        (new("GM0603", "Rijswijk (ZH.)"), 4), (Westerwolde, 2), (Cranendonck, 2),
    ]);

    /// <summary>Asylum reception centres (AZC) where status holders wait to be housed.</summary>
    public static readonly Gewogen<CoaLocatie> CoaLocaties = new(
    [
        (new("AZC Ter Apel", Westerwolde.Code), 30), (new("AZC Budel", Cranendonck.Code), 14),
        (new("AZC Ede", Ede.Code), 10), (new("AZC Assen", "GM0106"), 8), (new("AZC Gilze", "GM0784"), 8),
        (new("AZC Dronten", "GM0303"), 7), (new("AZC Zeist", "GM0355"), 6), (new("AZC Almere", "GM0034"), 6),
        (new("AZC Arnhem", "GM0202"), 6), (new("AZC Leeuwarden", "GM0080"), 6), (new("AZC Oisterwijk", "GM0824"), 5),
        (new("AZC Heerlen", "GM0917"), 5), (new("AZC Den Helder", "GM0400"), 4), (new("AZC Wageningen", "GM0289"), 4),
        (new("AZC Katwijk", "GM0537"), 4), (new("AZC Emmen", "GM0114"), 5),
    ]);

    /// <summary>Synthetic mix, our assumption (docs/domain.md gives no shares): ~45% asiel, ~40% gezin, ~8% overig/geestelijk bedienaar, ~7% tijdelijk.</summary>
    public static readonly Gewogen<Verblijfsdoel> Verblijfsdoelen = new(
    [
        (Verblijfsdoel.Asiel, 450), (Verblijfsdoel.Gezinshereniging, 220), (Verblijfsdoel.Gezinsvorming, 180),
        (Verblijfsdoel.OverigNietTijdelijk, 65), (Verblijfsdoel.GeestelijkBedienaar, 15), (Verblijfsdoel.Tijdelijk, 70),
    ]);

    public static readonly Gewogen<string> NationaliteitAsiel = new(
    [
        ("SYR", 34), ("ERI", 15), ("AFG", 12), ("TUR", 9), ("IRN", 5), ("IRQ", 5), ("SOM", 4), ("YEM", 6),
        ("SDN", 3), ("ETH", 2), ("PAK", 2), ("UKR", 1), ("CHN", 1), ("MAR", 1),
    ]);

    public static readonly Gewogen<string> NationaliteitGezin = new(
    [
        ("TUR", 16), ("MAR", 16), ("SYR", 12), ("ERI", 8), ("IND", 8), ("CHN", 6), ("PHL", 6), ("BRA", 5),
        ("USA", 4), ("AFG", 4), ("IRN", 3), ("IRQ", 2), ("SOM", 2), ("POL", 4), ("DEU", 3), ("UKR", 1),
    ]);

    public static readonly Gewogen<string> NationaliteitOverig = new(
    [
        ("IND", 28), ("CHN", 18), ("USA", 14), ("BRA", 8), ("PHL", 8), ("TUR", 8), ("IRN", 4), ("MAR", 3),
        ("DEU", 4), ("POL", 3), ("UKR", 2),
    ]);

    public static readonly Gewogen<string> NationaliteitTijdelijk = new(
    [
        ("UKR", 30), ("IND", 20), ("CHN", 14), ("USA", 14), ("PHL", 8), ("BRA", 8), ("TUR", 6),
    ]);

    /// <summary>Year of the peildatum, 2010 onwards; more in 2022–2023 (docs/domain.md: 26,000 and 36,000).</summary>
    public static readonly (int Jaar, int Gewicht)[] Jaren =
    [
        (2010, 6), (2011, 6), (2012, 6), (2013, 8), (2014, 12), (2015, 18), (2016, 22), (2017, 16),
        (2018, 14), (2019, 14), (2020, 10), (2021, 16), (2022, 26), (2023, 36), (2024, 30), (2025, 28),
        (2026, 24), (2027, 24), (2028, 24), (2029, 24), (2030, 24),
    ];

    /// <summary>Invented given names (Dutch transliteration); combined at random with a family name.</summary>
    public static readonly string[] Voornamen =
    [
        "Amal", "Ahmad", "Amina", "Bashir", "Dawit", "Elif", "Emre", "Fatima", "Farid", "Habtom", "Hana", "Hassan",
        "Ilham", "Jamal", "Karim", "Layla", "Lina", "Mahmud", "Mariam", "Mehmet", "Meron", "Nadia", "Nour", "Omar",
        "Priya", "Rahim", "Rania", "Samir", "Sara", "Selam", "Tariq", "Yasmin", "Yonas", "Yusuf", "Zahra", "Zeynep",
        "Wei", "Li", "Ana", "Jose", "Maria", "Ravi", "Anjali", "Olena", "Taras", "Joy", "Mark", "Ewa", "Jonas",
    ];

    /// <summary>Invented family names; none belongs to a known person.</summary>
    public static readonly string[] Achternamen =
    [
        "Alderi", "Bakrani", "Dahmoud", "Efrem", "Fazeli", "Gebrehan", "Hadari", "Ismaeli", "Jabouri", "Karimzada",
        "Lutfani", "Mansouri", "Nasrin", "Osmanli", "Qaderi", "Rahmouni", "Salehi", "Tesfazgi", "Umarov", "Wardani",
        "Yildan", "Zahiri", "Aksoylu", "Benali", "Chaouki", "Demirel-Kaya", "El Idrissi", "Ghebru", "Haile-Tesfa",
        "Kumaran", "Lin", "Moreira Santos", "Navarro Cruz", "Patelka", "Ramdin", "Shevchuk", "Tan", "Varma", "Zhou",
    ];
}
