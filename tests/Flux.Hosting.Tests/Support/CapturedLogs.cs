using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Flux.Hosting.Tests.Support;

/// <summary>A logger provider that keeps every entry: its category, level, event id, message, structured state and exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, EventId Id, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Error)
    {
        /// <summary>Everything the entry carries, as text: its message, every state value and its exception.</summary>
        public string AllText => $"{Message} | {string.Join(" | ", State.Select(p => $"{p.Key}={p.Value}"))} | {Error}";
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var pairs = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            logs.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), pairs.ToArray(), exception));
        }
    }
}
