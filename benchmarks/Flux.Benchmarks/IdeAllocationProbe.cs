using System.Diagnostics.Tracing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flux.Benchmarks;

/// <summary>
/// What the IDE edit of <see cref="IdeBenchmarks"/> allocates, by type, sampled by the runtime's allocation ticks
/// (about one per 100 KB): each allocation is a step toward the next garbage collection, and in a process that holds a
/// large compilation, collections are what an edit's cost grows with. Compare Flux's generators with the floor.
/// </summary>
public static class IdeAllocationProbe
{
    public static void Run(int runs, bool floor, TextWriter output)
    {
        IEnumerable<IIncrementalGenerator> generators = floor ? [new FloorGenerator()] : SyntheticProject.Generators();
        var trees = SyntheticProject.Parse();
        var original = trees.Single(t => t.FilePath == SyntheticProject.EditedPath);
        var edited = SyntheticProject.ParseEdited(increment: 2);
        var compilation = SyntheticProject.Compile(trees);
        var driver = CSharpGeneratorDriver.Create(generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: SyntheticProject.ParseOptions)
            .RunGenerators(compilation);
        using var listener = new AllocationListener();
        for (var i = 0; i < 5; i++)
        {
            driver.RunGenerators(compilation.ReplaceSyntaxTree(original, edited));
        }

        listener.Listening = true;
        for (var i = 0; i < runs; i++)
        {
            driver.RunGenerators(compilation.ReplaceSyntaxTree(original, edited));
        }

        listener.Listening = false;
        foreach (var (type, bytes) in listener.Snapshot().OrderByDescending(p => p.Value).Take(40))
        {
            output.WriteLine($"{bytes / (double)runs / 1024,9:F1} KB  {type}");
        }
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

        public bool Listening { get; set; }

        public Dictionary<string, long> Snapshot()
        {
            lock (_bytes)
            {
                return new Dictionary<string, long>(_bytes, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: GCAllocationTick.
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (!Listening || e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.PayloadNames is not { } names)
            {
                return;
            }

            var type = e.Payload![names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
