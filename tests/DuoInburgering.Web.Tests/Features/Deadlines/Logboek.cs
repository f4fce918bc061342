using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DuoInburgering.Web.Tests.Features.Deadlines;

/// <summary>Keeps every formatted log line (level, text, exception type) for assertions.</summary>
public sealed class Logboek : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Niveau, string Tekst)> Regels { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(Logboek boek) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            boek.Regels.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
