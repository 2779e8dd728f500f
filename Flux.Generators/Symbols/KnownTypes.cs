namespace Flux.Generators.Symbols;

/// <summary>Types generated code names, as it writes them.</summary>
internal static class KnownTypes
{
    public const string ValueTuple = "global::System.ValueTuple";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string Enumerable = "global::System.Collections.Generic.IEnumerable";
    public const string AsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string BatchOptions = "global::Flux.BatchOptions";
}
