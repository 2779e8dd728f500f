using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Flux.CommandLine.Tests;

/// <summary>
/// Starts the test program (tests/Flux.CommandLine.TestApp, built before these tests) as a real process in a folder of
/// its own, so its default store is that folder's flux.db, and reads what it prints. Nothing here waits on time: a
/// reader waits for the text it expects, under a deadline that only fails a hung test.
/// </summary>
internal sealed class TestProgram : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static string DllPath { get; } = typeof(TestProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestApp").Value!;

    public TestProgram()
    {
        Directory = Path.Combine(Path.GetTempPath(), "flux-cli-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The folder the program runs in.</summary>
    public string Directory { get; }

    /// <summary>The store the program uses by default.</summary>
    public string DefaultStore => Path.Combine(Directory, "flux.db");

    /// <summary>Runs the program to its end.</summary>
    public async Task<Result> RunAsync(params string[] args) => await RunAsync(args, environment: null);

    public async Task<Result> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        using var running = Start(args, environment);
        return await running.WaitAsync();
    }

    /// <summary>Starts the program with its output and error redirected (no terminal).</summary>
    public Running Start(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Directory };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new Running(Launch(start, environment));
    }

    /// <summary>
    /// Starts the program in a pseudo-terminal (<c>script -qfec "cmd" /dev/null</c>): it sees a terminal on its
    /// standard output and error, and everything it draws arrives, merged, on <see cref="Running.Output"/>.
    /// </summary>
    public Running StartInTerminal(string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", DllPath }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script") { WorkingDirectory = Directory };
        foreach (var arg in new[] { "-qfec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        return new Running(Launch(start, new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "120" }));
    }

    /// <summary>Creates a file the program waits for.</summary>
    public void Touch(string name) => File.WriteAllText(Path.Combine(Directory, name), "");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A folder under the temp path left behind does no harm.
        }
    }

    private static Process Launch(ProcessStartInfo start, IReadOnlyDictionary<string, string>? environment)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.Environment.Remove(FluxCommandLine.StoreEnvironmentVariable);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The test program did not start.");
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''") + "'";

    /// <summary>What a finished run printed.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>A running program: its output so far, and waits for text to appear or for its end.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();
        private readonly Task _readers;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Running(Process process)
        {
            _process = process;
            _process.StandardInput.Close();
            _readers = Task.WhenAll(Pump(process.StandardOutput, _output), Pump(process.StandardError, _error));
        }

        /// <summary>Sends the program a signal (<c>kill -s TERM</c>), as a service manager or Ctrl+C does.</summary>
        public async Task SignalAsync(string signal)
        {
            using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        public string Output
        {
            get { lock (_output) { return _output.ToString(); } }
        }

        public string Error
        {
            get { lock (_output) { return _error.ToString(); } }
        }

        /// <summary>Waits until <paramref name="condition"/> holds for what the program printed so far.</summary>
        public async Task WaitForAsync(Func<Running, bool> condition, string what)
        {
            using var deadline = new CancellationTokenSource(Deadline);
            while (true)
            {
                Task changed;
                lock (_output)
                {
                    changed = _changed.Task;
                }

                if (condition(this))
                {
                    return;
                }

                if (_readers.IsCompleted)
                {
                    Assert.Fail($"The program ended before {what}.\n--- stdout\n{Output}\n--- stderr\n{Error}");
                }

                try
                {
                    await Task.WhenAny(changed, _readers).WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"Waited {Deadline.TotalSeconds} s for {what}.\n--- stdout\n{Output}\n--- stderr\n{Error}");
                }
            }
        }

        public async Task<Result> WaitAsync()
        {
            using var deadline = new CancellationTokenSource(Deadline);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
                await _readers.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail($"The program did not end within {Deadline.TotalSeconds} s.\n--- stdout\n{Output}\n--- stderr\n{Error}");
            }

            return new Result(_process.ExitCode, Output, Error);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private async Task Pump(StreamReader reader, StringBuilder into)
        {
            var buffer = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                TaskCompletionSource changed;
                lock (_output)
                {
                    into.Append(buffer, 0, read);
                    changed = _changed;
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                changed.TrySetResult();
            }
        }
    }
}
