using Flux.CommandLine;

namespace Flux.Samples;

/// <summary>
/// The command line of the samples: <c>all</c>, <c>list</c>, or a sample's name followed by its inputs; and the Flux
/// command line (<c>run</c>, <c>resume</c>, <c>cancel</c>, <c>executions</c>, <c>show</c>, <c>watch</c>, <c>diagram</c>,
/// <c>workflows</c>) over the samples' workflows. <c>list</c> names the samples here, so the Flux command line's
/// <c>list</c> of executions goes by its other name, <c>executions</c>.
/// </summary>
public static class SampleRunner
{
    /// <summary>Every sample, in the order the seed page shows the patterns.</summary>
    public static IReadOnlyList<Sample> All { get; } =
    [
        new("parallel", "Three greetings at once, results in argument order", "<name>", ["Joe"], ParallelSample.RunAsync),
        new("pipeline", "multiply_by_two -> add_three -> square", "<number>", ["5"], PipelineSample.RunAsync),
        new("map", "Upper-case every item in parallel", "<item...>", ["a", "b", "c"], MapSample.RunAsync),
        new("task_map", "Count to 0..n-1 in parallel and report how many sequences", "<number>", ["5"], TaskMapSample.RunAsync),
        new("graph", "get_name -> say_hello as a graph", "<name>", ["Joe"], GraphSample.RunAsync),
        new("conditional_graph", "validate, then process or report the error", "<value>", ["3"], ConditionalGraphSample.RunAsync),
        new("batched_map", "Map a large input in batches of 1000", "<count>", ["2500"], BatchedMapSample.RunAsync),
        new("streaming_map", "Map an input of any size with bounded memory", "<count>", ["100000"], StreamingMapSample.RunAsync),
        new("declarative_graph", "The basic graph, declared with attributes", "<name>", ["Joe"], DeclarativeGraphSample.RunAsync),
        new("declarative_conditional_graph", "The conditional graph, declared with attributes", "<value>", ["3"], DeclarativeConditionalGraphSample.RunAsync),
        new("enum_routing", "Route by an enum: every case must have an edge (FLUX011)", "<value>", ["500"], EnumRoutingSample.RunAsync),
        new("retries", "Retry a failing service with backoff", "<failures>", ["2"], RetriesSample.RunAsync),
        new("timeout", "Cancel an attempt that takes longer than its limit", "<work-ms>", ["5000"], TimeoutSample.RunAsync),
        new("fallback", "Use the last known price once every attempt failed", "<sku>", ["BOOK-42"], FallbackSample.RunAsync),
        new("rollback", "Release a card hold when the charge finally fails", "<order>", ["order-7"], RollbackSample.RunAsync),
        new("cache", "Run an expensive lookup once per distinct key", "<key...>", ["a", "b", "a"], CacheSample.RunAsync),
        new("pause", "Pause for an approval, then resume with the decision", "approve|reject <name>", ["approve", "Mia"], PauseSample.RunAsync),
        new("resume_after_crash", "A Map killed half way, resumed: replayed vs ran", "<items> <kill-at>", ["6", "3"], ResumeAfterCrashSample.RunAsync),
        new("determinism", "Now/NewGuid/Random replay their first values", "<name>", ["Joe"], DeterminismSample.RunAsync),
        new("child_workflow", "A child workflow, one replayed call of its parent", "<order>", ["o-7"], ChildWorkflowSample.RunAsync),
    ];

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "list" or "--help" or "-h")
        {
            if (args.Length == 0)
            {
                await error.WriteLineAsync("usage: Flux.Samples <sample> <input...> | all | list");
                await error.WriteLineAsync($"   or: Flux.Samples {string.Join('|', FluxCommands)} ... (the Flux command line over the samples' workflows; add --help)");
            }

            foreach (var sample in All)
            {
                await output.WriteLineAsync($"{sample.Name,-20} {sample.Usage,-12} {sample.Description}");
            }

            return args.Length == 0 ? 2 : 0;
        }

        if (FluxCommands.Contains(args[0]))
        {
            return await RunFluxCommandAsync(args, output, error);
        }

        if (args[0] == "all")
        {
            foreach (var sample in All)
            {
                await output.WriteLineAsync($"$ {sample.Name} {string.Join(' ', sample.Example)}");
                await sample.Run(sample.Example, output);
            }

            await output.WriteLineAsync(
                "Next, the Flux command line over these workflows: workflows, run mapping_workflow --input '[\"a\",\"b\"]', executions, show <id>, " +
                "watch <id>, resume <id>, cancel <id>, diagram graph_workflow (docs/command-line.md).");
            return 0;
        }

        var chosen = All.FirstOrDefault(s => s.Name == args[0]);
        if (chosen is null)
        {
            await error.WriteLineAsync($"Unknown sample '{args[0]}'. Run 'list' to see the samples.");
            return 2;
        }

        try
        {
            await chosen.Run(args[1..], output);
            return 0;
        }
        catch (SampleUsageException usage)
        {
            await error.WriteLineAsync($"{chosen.Name}: {usage.Message} (usage: {chosen.Name} {chosen.Usage})");
            return 2;
        }
        catch (WorkflowFailedException failed)
        {
            await error.WriteLineAsync($"{chosen.Name}: {failed.Message}");
            return 1;
        }
    }

    /// <summary>The Flux command line's commands, except its <c>list</c> (here <c>list</c> names the samples; <c>executions</c> lists executions).</summary>
    public static IReadOnlyList<string> FluxCommands { get; } = FluxCommandLine.CommandNames.Where(name => name != "list").ToArray();

    /// <summary>
    /// Runs the Flux command line over the samples' workflows, with the executions in <c>flux.db</c> in the current
    /// directory (or <c>--store</c>, or <c>FLUX_STORE</c>). Writers other than the console's are used as they are (tests).
    /// </summary>
    private static Task<int> RunFluxCommandAsync(string[] args, TextWriter output, TextWriter error) =>
        FluxCommandLine.RunAsync(args, FluxCatalog.Workflows, new FluxCommandLineOptions
        {
            ProgramName = "Flux.Samples",
            Output = ReferenceEquals(output, Console.Out) ? null : output,
            Error = ReferenceEquals(error, Console.Error) ? null : error,
        });
}

/// <summary>The inputs given to a sample do not fit it.</summary>
public sealed class SampleUsageException(string message) : Exception(message)
{
    /// <summary>Reads the single integer input of a sample.</summary>
    public static int ParseInt(string[] input)
    {
        if (input.Length != 1 || !int.TryParse(input[0], out var value))
        {
            throw new SampleUsageException("expected one whole number");
        }

        return value;
    }

    /// <summary>Reads the single text input of a sample.</summary>
    public static string Single(string[] input) =>
        input.Length == 1 ? input[0] : throw new SampleUsageException("expected one input");
}
