namespace Flux.Analyzers.Tests.Graphs;

/// <summary>Source snippets for graph analyzer tests: hand-written task handles (the tests do not run the generator).</summary>
internal static class GraphSources
{
    /// <summary>A generic handle <c>H&lt;TArguments, TResult&gt;</c> and a few tasks of common shapes in <c>T</c>.</summary>
    public const string Prelude = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Flux;

        public sealed class H<TArguments, TResult> : TaskHandle<TArguments, TResult>
        {
            public H() : base("t", TaskOptions.Default) { }
            public override IReadOnlyList<Type> ParameterTypes => throw new NotSupportedException();
            protected override ValueTask<TResult> InvokeAsync(TArguments arguments, CancellationToken cancellationToken) => throw new NotSupportedException();
            protected override void WriteFingerprint(ref FingerprintWriter writer, TArguments arguments) { }
            protected override TArguments ConvertArguments(ReadOnlySpan<object?> arguments) => throw new NotSupportedException();
        }

        public static class T
        {
            public static H<string, string> Str { get; } = new();
            public static H<string, int> Count { get; } = new();
            public static H<int, string> Show { get; } = new();
            public static H<(string, string), string> Join { get; } = new();
            public static H<ValueTuple, string> Const { get; } = new();
            public static TaskHandle Untyped { get; } = new H<int, int>();
        }

        """;

    /// <summary>Wraps statements in a method of a class, after the prelude.</summary>
    public static string InMethod(string statements) => Prelude + """
        public static class Flows
        {
            public static async Task<object> Run(string input)
            {

        """ + statements + """

            }
        }
        """;
}
