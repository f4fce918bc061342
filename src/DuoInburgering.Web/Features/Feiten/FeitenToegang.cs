using System.Security.Cryptography;
using System.Text;
using DuoInburgering.Web.Verwerking.Feiten;
using Microsoft.Extensions.Primitives;

namespace DuoInburgering.Web.Features.Feiten;

/// <summary>What a source's key check says about a request to POST /api/feiten/{bron}.</summary>
public enum Toegang
{
    /// <summary>The route names no source (404).</summary>
    OnbekendeBron,

    /// <summary>No key, or more than two, is configured for the source (503).</summary>
    NietGeconfigureerd,

    /// <summary>The header is missing or holds none of the source's keys (401).</summary>
    Geweigerd,

    Toegestaan,
}

/// <summary>
/// The shared keys of the sources (header X-Pib-Sleutel). Each source has one key
/// (<c>Feiten:Sleutels:Ind</c>) or, while a key is being rotated, two active ones (<c>Feiten:Sleutels:Ind:0</c>
/// and <c>:1</c>, in the environment <c>Feiten__Sleutels__Ind__0</c> and <c>__1</c>): either is accepted.
/// Every configured key is compared, in constant time, whichever matches.
/// </summary>
public static class FeitenToegang
{
    /// <summary>Old and new during a rotation: more is a configuration error, not a third way in.</summary>
    public const int MaxSleutels = 2;

    private static readonly object Cache = new();

    /// <summary>The source this request is for and whether its key is right; computed once per request (the rate limiter asks first).</summary>
    public static (FeitBron Bron, Toegang Toegang) Bepaal(HttpContext http)
    {
        if (http.Items.TryGetValue(Cache, out var eerder) && eerder is ValueTuple<FeitBron, Toegang> bekend)
        {
            return bekend;
        }
        var uitkomst = BepaalZonderCache(http);
        http.Items[Cache] = uitkomst;
        return uitkomst;
    }

    /// <summary>The source's active keys: the plain value and/or its children, blanks left out.</summary>
    public static List<string> Sleutels(IConfiguration configuratie, FeitBron bron)
    {
        var sectie = configuratie.GetSection($"Feiten:Sleutels:{bron}");
        var sleutels = new List<string>(MaxSleutels);
        if (!string.IsNullOrWhiteSpace(sectie.Value))
        {
            sleutels.Add(sectie.Value);
        }
        sleutels.AddRange(sectie.GetChildren().Select(k => k.Value).Where(v => !string.IsNullOrWhiteSpace(v))!);
        return sleutels;
    }

    /// <summary>
    /// Constant time whatever the lengths (both sides are hashed to 32 bytes first) and whichever key matches:
    /// every key is compared, and the results are combined without short-circuiting.
    /// </summary>
    public static bool SleutelKlopt(StringValues gegeven, IReadOnlyList<string> sleutels)
    {
        if (gegeven.Count != 1 || string.IsNullOrEmpty(gegeven[0]))
        {
            return false;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(gegeven[0]!));
        var klopt = false;
        foreach (var sleutel in sleutels)
        {
            klopt |= CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(sleutel)));
        }
        return klopt;
    }

    private static (FeitBron, Toegang) BepaalZonderCache(HttpContext http)
    {
        var bron = http.Request.RouteValues["bron"] as string;
        if (!FeitBronTekst.TryParse(bron, out var feitBron) || !bron!.All(char.IsAsciiLetterLower))
        {
            return (feitBron, Toegang.OnbekendeBron);
        }
        var sleutels = Sleutels(http.RequestServices.GetRequiredService<IConfiguration>(), feitBron);
        if (sleutels.Count is 0 or > MaxSleutels)
        {
            return (feitBron, Toegang.NietGeconfigureerd);
        }
        return (feitBron, SleutelKlopt(http.Request.Headers[FeitenEndpoints.SleutelHeader], sleutels) ? Toegang.Toegestaan : Toegang.Geweigerd);
    }
}
