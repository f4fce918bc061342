using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DuoInburgering.Web.Infrastructure;

/// <summary>
/// Structured logging: readable text in Development, JSON elsewhere. Requests are logged by their
/// route template, never by their path or query, so a BSN in a URL never reaches the log (docs/domain.md, Privacy).
/// </summary>
public static class PibLogging
{
    public static void AddPibLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) =>
        {
            config.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // Failed commands surface as exceptions; the command log would also report EF's own probe
                // for the migrations table on a new database as an error.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                // Start-up failures (port in use) are told in one line by Startup.RunGuardedAsync.
                .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
                // After the defaults, so Serilog:MinimumLevel in configuration can lower them for troubleshooting
                // (the log privacy test runs everything at Verbose: no level may carry a BSN or a name).
                .ReadFrom.Configuration(builder.Configuration)
                // Sinks and enrichers registered as services: the tests capture the log this way.
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<DropRequestPath>();
            if (builder.Environment.IsDevelopment())
            {
                config.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                config.WriteTo.Console(new CompactJsonFormatter());
            }
        },
        // Each host writes through its own logger, not the static Log.Logger: with two hosts in one process
        // (the tests) the last one built would otherwise receive the events of both.
        preserveStaticLogger: true);
    }

    public static void UsePibRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger (see AddPibLogging); without it the middleware writes to the static Log.Logger.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestRoute} antwoordde {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, _, elapsed, statusCode) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestRoute", new ScalarValue(RouteOf(context))),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
    }

    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint route ? route.RoutePattern.RawText ?? "?" : "(geen route)";

    /// <summary>
    /// A request's path and query may hold a BSN (<c>/gemeente/personen/{bsn}</c>) or a name (<c>?zoek=</c>). ASP.NET's
    /// log scope carries the raw path as RequestPath (removed); its hosting, routing and Blazor router events (Debug
    /// and Information, below the default levels but there as soon as someone lowers them) carry it as Path,
    /// QueryString or RouteValue, the circuit's navigation events as URI or Uri, a sign-in's return address as
    /// RedirectUri: those keep their place in the message but not their value. The request log names the route
    /// template instead (UsePibRequestLogging).
    /// </summary>
    private sealed class DropRequestPath : ILogEventEnricher
    {
        private static readonly string[] Verborgen = ["Path", "QueryString", "RouteValue", "URI", "Uri", "ExternalUri", "RedirectUri"];
        private static readonly ScalarValue Weggelaten = new("(weggelaten)");

        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            logEvent.RemovePropertyIfPresent("RequestPath");
            foreach (var naam in Verborgen)
            {
                if (logEvent.Properties.ContainsKey(naam))
                {
                    logEvent.AddOrUpdateProperty(new LogEventProperty(naam, Weggelaten));
                }
            }
        }
    }
}
