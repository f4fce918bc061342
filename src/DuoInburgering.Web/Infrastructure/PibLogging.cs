using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DuoInburgering.Web.Infrastructure;

/// <summary>
/// Structured logging: readable text in Development, JSON elsewhere. Requests are logged by their
/// route template, never by their path or query, so a BSN in a URL never reaches the log (DOMAIN.md, Privacy).
/// </summary>
public static class PibLogging
{
    public static void AddPibLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) =>
        {
            config.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // Failed commands surface as exceptions; the command log would also report EF's own probe
                // for the migrations table on a new database as an error.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                // Start-up failures (port in use) are told in one line by Startup.RunGuardedAsync.
                .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
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
        });
    }

    public static void UsePibRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
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

    /// <summary>ASP.NET's log scope carries the raw request path; a path may hold a BSN, so it never reaches a sink.</summary>
    private sealed class DropRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
            logEvent.RemovePropertyIfPresent("RequestPath");
    }
}
