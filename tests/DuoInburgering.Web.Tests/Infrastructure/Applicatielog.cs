using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>
/// Everything the host's own Serilog pipeline writes, after its enrichers, as text a test can search: per event
/// the level, the source, the rendered message, the template, every property and the whole exception.
/// <code>var log = new Applicatielog(); var factory = new PibWebFactory(db).VangLog(log);</code>
/// </summary>
public sealed class Applicatielog : ILogEventSink
{
    /// <summary>Categories whose framework logging the privacy test lowers to Verbose (the portal's defaults are higher).</summary>
    private static readonly string[] Bronnen =
    [
        "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Database.Command",
        "Microsoft.Extensions.Hosting.Internal.Host", "System", "MudBlazor",
    ];

    private readonly ConcurrentQueue<Logregel> _regels = new();

    public int Aantal => _regels.Count;

    public IReadOnlyList<Logregel> Regels => [.. _regels];

    /// <summary>The whole log as one text, an event per line.</summary>
    public string Tekst() => string.Join('\n', _regels.Select(r => r.Tekst));

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var bron = logEvent.Properties.TryGetValue("SourceContext", out var s) && s is ScalarValue { Value: string context } ? context : "";
        var tekst = new StringBuilder()
            .Append(logEvent.Level).Append(' ').Append(bron).Append(": ")
            .Append(logEvent.RenderMessage(CultureInfo.InvariantCulture))
            .Append(" | sjabloon: ").Append(logEvent.MessageTemplate.Text);
        foreach (var (naam, waarde) in logEvent.Properties)
        {
            tekst.Append(" | ").Append(naam).Append('=').Append(waarde.ToString());
        }
        if (logEvent.Exception is not null)
        {
            tekst.Append(" | uitzondering: ").Append(logEvent.Exception);
        }
        _regels.Enqueue(new Logregel(bron, logEvent.MessageTemplate.Text, tekst.Replace('\n', ' ').Replace('\r', ' ').ToString()));
    }

    /// <summary>The host with this sink in its pipeline and every level of every source switched on (Verbose).</summary>
    public WebApplicationFactory<Program> Vang(WebApplicationFactory<Program> factory, Action<IWebHostBuilder>? verder = null) =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
            foreach (var bron in Bronnen)
            {
                b.UseSetting($"Serilog:MinimumLevel:Override:{bron}", "Verbose");
            }
            b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(this));
            verder?.Invoke(b);
        });
}

/// <summary>One event as captured: its source (SourceContext), its template, and all of it as text.</summary>
public sealed record Logregel(string Bron, string Sjabloon, string Tekst);

/// <summary>
/// Searches a text for BSNs (nine digits, not part of a longer number) and names (whole words, any case) of the
/// persons given. A name counts as a whole and by each of its parts of at least <see cref="MinNaamdeel"/>
/// letters ("Fatima Benali", "Fatima", "Benali"; "Demirel-Kaya", "Demirel", "Kaya"): shorter parts ("Li",
/// "Tan") would match ordinary words, and the whole name still catches them.
/// </summary>
public sealed partial class PersoonsgegevensScanner
{
    public const int MinNaamdeel = 4;

    private readonly HashSet<string> _bsns;
    private readonly Regex _namen;

    public PersoonsgegevensScanner(IEnumerable<string> bsns, IEnumerable<string> namen)
    {
        _bsns = [.. bsns.Select(b => b.Trim())];
        var termen = namen.SelectMany(Termen).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length).Select(Regex.Escape).ToList();
        Namen = termen.Count;
        _namen = new Regex(termen.Count == 0 ? "(?!)" : $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', termen)})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public int Bsns => _bsns.Count;

    /// <summary>How many search terms the names gave (whole names and their parts).</summary>
    public int Namen { get; }

    /// <summary>Every BSN and name found, with a little of the text around it.</summary>
    public IReadOnlyList<string> Vind(string tekst)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        var treffers = new List<string>();
        foreach (Match m in NegenCijfers().Matches(tekst))
        {
            if (_bsns.Contains(m.Value))
            {
                treffers.Add($"BSN {m.Value}: …{Omgeving(tekst, m)}…");
            }
        }
        foreach (Match m in _namen.Matches(tekst))
        {
            treffers.Add($"naam '{m.Value}': …{Omgeving(tekst, m)}…");
        }
        return treffers;
    }

    private static IEnumerable<string> Termen(string naam)
    {
        var geheel = string.Join(' ', naam.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (geheel.Length == 0)
        {
            yield break;
        }
        yield return geheel;
        foreach (var deel in geheel.Split(' ').Concat(geheel.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)))
        {
            if (deel.Length >= MinNaamdeel)
            {
                yield return deel;
            }
        }
    }

    private static string Omgeving(string tekst, Match m)
    {
        var begin = Math.Max(0, m.Index - 120);
        var eind = Math.Min(tekst.Length, m.Index + m.Length + 120);
        return tekst[begin..eind];
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{9}(?![0-9])")]
    private static partial Regex NegenCijfers();
}
