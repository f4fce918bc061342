using System.Text;
using System.Text.Json;

namespace DuoInburgering.Web.Verwerking.Feiten;

/// <summary>
/// What reading one JSON message gave: the message, or why it is not one. <see cref="Velden"/> holds
/// per-field Dutch messages (snake_case keys) when the body was a JSON object; null for unreadable JSON.
/// </summary>
public sealed record JsonLezing(FeitBericht? Bericht, string? BerichtId, string? Reden, IReadOnlyDictionary<string, string[]>? Velden);

/// <summary>
/// Reads one IND, COA or BRP message from a JSON body: one object, snake_case names (the CSV headers
/// of <see cref="FeitSchema"/>), every value a string or null, no unknown or repeated fields. Errors
/// are Dutch and never quote a value, so they are safe to return and to store.
/// </summary>
public static class FeitJson
{
    public static readonly JsonSerializerOptions Opties = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static JsonLezing Lees(ReadOnlyMemory<byte> body, FeitSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Onleesbaar("Het bericht is leeg: verwacht één JSON-object.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            var plek = e.LineNumber is { } regel
                ? $" (regel {regel + 1}, positie {(e.BytePositionInLine ?? 0) + 1})"
                : "";
            return Onleesbaar($"Het bericht is geen geldige JSON{plek}.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Onleesbaar("Het bericht moet één JSON-object zijn.");
            }
            var berichtId = root.TryGetProperty("bericht_id", out var id) && id.ValueKind == JsonValueKind.String
                ? Veld.Tekst(id.GetString())
                : null;
            var fouten = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var gezien = new HashSet<string>(StringComparer.Ordinal);
            foreach (var veld in root.EnumerateObject())
            {
                if (!schema.Kolommen.Contains(veld.Name))
                {
                    Voeg(fouten, Kort(veld.Name), $"Onbekend veld '{Kort(veld.Name)}' in een {schema.Bron.Code()}-bericht; toegestaan: {string.Join(", ", schema.Kolommen)}.");
                }
                else if (!gezien.Add(veld.Name))
                {
                    Voeg(fouten, veld.Name, $"{veld.Name} komt meer dan eens voor.");
                }
                else if (veld.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    Voeg(fouten, veld.Name, $"{veld.Name} moet tekst (tussen aanhalingstekens) of null zijn.");
                }
            }
            if (fouten.Count > 0)
            {
                return Ongeldig(berichtId, fouten);
            }
            FeitBericht? bericht;
            try
            {
                bericht = (FeitBericht?)root.Deserialize(Type(schema.Bron), Opties);
            }
            catch (JsonException)
            {
                // The checks above make this unreachable unless the message classes and FeitSchema drift apart.
                return new JsonLezing(null, berichtId, "Het bericht past niet bij de velden van een " + schema.Bron.Code() + "-bericht.", null);
            }
            return new JsonLezing(bericht, berichtId, null, null);
        }
    }

    /// <summary>FluentValidation failures per field, keyed by the JSON (snake_case) field name.</summary>
    public static IReadOnlyDictionary<string, string[]> PerVeld(FluentValidation.Results.ValidationResult resultaat)
    {
        ArgumentNullException.ThrowIfNull(resultaat);
        return resultaat.Errors
            .GroupBy(e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray(), StringComparer.Ordinal);
    }

    public static Type Type(FeitBron bron) => bron switch
    {
        FeitBron.Ind => typeof(IndBericht),
        FeitBron.Coa => typeof(CoaBericht),
        _ => typeof(BrpBericht),
    };

    /// <summary>The raw body as text for table afwijzing: invalid UTF-8 replaced, NUL (not storable in text) too.</summary>
    public static string AlsTekst(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body).Replace('\0', '\uFFFD');

    private static JsonLezing Onleesbaar(string reden) => new(null, null, reden, null);

    private static JsonLezing Ongeldig(string? berichtId, Dictionary<string, List<string>> fouten) =>
        new(null, berichtId, string.Join(" ", fouten.Values.SelectMany(v => v)),
            fouten.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal));

    private static void Voeg(Dictionary<string, List<string>> fouten, string veld, string melding)
    {
        if (!fouten.TryGetValue(veld, out var lijst))
        {
            fouten[veld] = lijst = [];
        }
        lijst.Add(melding);
    }

    /// <summary>An unknown field name is echoed, but never more than 50 characters of it.</summary>
    private static string Kort(string naam) => naam.Length <= 50 ? naam : naam[..50] + "…";
}
