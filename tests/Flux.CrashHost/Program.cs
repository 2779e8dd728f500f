using System.Globalization;
using System.Text.Json.Serialization;
using Flux.CrashHost;
using SQLitePCL;

// Usage: Flux.CrashHost run|resume <store file> <side-effect file> <items> [body|commit <item>]
//   run     starts execution 'crash' (a durable Map of <items> items) in the store;
//   resume  resumes it after a kill (the dead process's claim is taken over at once);
//   body k  parks inside item k's body, before its side effect; commit k parks inside the first commit that starts
//           after item k's body ran. Parking prints "KILLPOINT ..." and waits for the test's SIGKILL.
// It prints "DONE <state>" when the execution finished.
if (args.Length is not (4 or 6) || args[0] is not ("run" or "resume"))
{
    Console.Error.WriteLine("usage: Flux.CrashHost run|resume <store file> <side-effect file> <items> [body|commit <item>]");
    return 2;
}

var items = int.Parse(args[3], CultureInfo.InvariantCulture);
if (args.Length == 6)
{
    KillPoint.Arm(args[4], int.Parse(args[5], CultureInfo.InvariantCulture));
}

SideEffects.Open(args[2]);
await using var store = new SqliteExecutionStore($"Data Source={args[1]}");
raw.sqlite3_commit_hook(store.WriterConnection.Handle, static _ =>
{
    KillPoint.InCommit();
    return 0;
}, null);

var options = new RunOptions { Store = store, Json = CrashJson.Default.Options, ExecutionId = "crash" };
var ctx = args[0] == "run"
    ? await CrashWorkflow.Map.RunAsync(items, options)
    : await CrashWorkflow.Map.ResumeAsync("crash", options);
SideEffects.Close();
Console.WriteLine($"DONE {ctx.State}");
return ctx.HasSucceeded ? 0 : 1;

namespace Flux.CrashHost
{
    /// <summary>The workflow the crash tests kill: a durable Map whose items leave a trace in a file.</summary>
    public static partial class CrashWorkflow
    {
        /// <summary>The workflow: <see cref="Body"/> under the name 'crash_map'.</summary>
        public static WorkflowHandle<int, int[]> Map { get; } = new("crash_map", Body);

        /// <summary>Map <see cref="Touch"/> over 0..n-1 and return every result (the output an uninterrupted run must match).</summary>
        public static async ValueTask<int[]> Body(ExecutionContext<int> ctx) =>
            await TouchTask.Map(Enumerable.Range(0, ctx.Input), new BatchOptions { MaxConcurrency = 16 });

        /// <summary>An item: appends its index to the side-effect file (the trace of every time a body ran).</summary>
        [Task]
        public static async Task<int> Touch(int index)
        {
            await Task.Yield();
            KillPoint.InBody(index);
            SideEffects.Append(index);
            KillPoint.AfterBody(index);
            return (int)((index * 2654435761L) % 1_000_003);
        }
    }

    /// <summary>Where this run parks for the kill.</summary>
    internal static class KillPoint
    {
        private static string? s_kind;
        private static int s_item = -1;
        private static volatile bool s_commitArmed;
        private static volatile bool s_frozen;

        public static void Arm(string kind, int item)
        {
            if (kind is not ("body" or "commit"))
            {
                throw new ArgumentException($"Unknown kill point '{kind}': use 'body' or 'commit'.");
            }

            s_kind = kind;
            s_item = item;
        }

        public static void InBody(int index)
        {
            if (s_frozen)
            {
                Wait();
            }

            if (s_kind == "body" && index == s_item)
            {
                Park($"body {index}");
            }
        }

        public static void AfterBody(int index)
        {
            if (s_kind == "commit" && index == s_item)
            {
                s_commitArmed = true;
            }
        }

        public static void InCommit()
        {
            if (s_frozen)
            {
                Wait();
            }

            if (s_commitArmed)
            {
                Park($"commit after {s_item}");
            }
        }

        /// <summary>
        /// Stops the run here for the kill: from now on no other body starts its side effect and no commit starts, so
        /// the kill finds the run where it parked (at most the commits already under way complete).
        /// </summary>
        private static void Park(string where)
        {
            s_frozen = true;
            SideEffects.Flush();
            Console.Out.WriteLine($"KILLPOINT {where}");
            Console.Out.Flush();
            Wait();
        }

        /// <summary>Waits for the SIGKILL: nothing ever sets this event.</summary>
        private static void Wait() => new ManualResetEventSlim().Wait();
    }

    /// <summary>The side-effect file: one line per body run, written through to the operating system at once.</summary>
    internal static class SideEffects
    {
        private static readonly Lock s_gate = new();
        private static FileStream? s_file;

        public static void Open(string path) => s_file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);

        public static void Append(int index)
        {
            var line = System.Text.Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture) + "\n");
            lock (s_gate)
            {
                s_file!.Write(line);
                s_file.Flush();
            }
        }

        public static void Flush()
        {
            lock (s_gate)
            {
                s_file?.Flush();
            }
        }

        public static void Close() => s_file?.Dispose();
    }

    /// <summary>The JSON metadata of the workflow's values.</summary>
    [JsonSerializable(typeof(int))]
    [JsonSerializable(typeof(int[]))]
    internal sealed partial class CrashJson : JsonSerializerContext
    {
    }
}
