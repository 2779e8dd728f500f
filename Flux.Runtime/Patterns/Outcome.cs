namespace Flux;

/// <summary>The outcome of one call in a batch that collects outcomes: a value, or the error that replaced it.</summary>
/// <typeparam name="T">The call's result type.</typeparam>
public readonly record struct Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, Exception? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>A successful outcome.</summary>
    public static Outcome<T> Success(T value) => new(value, null);

    /// <summary>A failed outcome.</summary>
    public static Outcome<T> Failure(Exception error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>True when the call produced a value.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The error of a failed call; null for a success.</summary>
    public Exception? Error { get; }

    /// <summary>The value of a successful call.</summary>
    /// <exception cref="InvalidOperationException">The call failed; the exception wraps <see cref="Error"/>.</exception>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"The call failed: {Error.Message}", Error);

    /// <summary>The value of a successful call, or <paramref name="fallback"/>.</summary>
    public T? GetValueOrDefault(T? fallback = default) => Error is null ? _value : fallback;

    /// <inheritdoc/>
    public override string ToString() => Error is null ? $"Success({_value})" : $"Failure({Error.GetType().Name}: {Error.Message})";
}
