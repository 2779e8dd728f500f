using System.Diagnostics;

namespace Flux.Stores.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>FLUX_POSTGRES</c> names (a connection string), or else one this
/// fixture starts with scripts/postgres.sh in a folder of its own under /tmp and stops when the tests end, so that a
/// plain <c>dotnet test</c> works on a fresh machine. Servers left behind by a test run that was killed are stopped
/// first: each folder records the id of the test process that owns it.
/// </summary>
[SetUpFixture]
public sealed class PostgresServer
{
    private static readonly string Root = Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), "flux-postgres-tests");
    private static string? _startedIn;

    /// <summary>The connection string of the server for this run.</summary>
    public static string ConnectionString { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var configured = Environment.GetEnvironmentVariable("FLUX_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        Directory.CreateDirectory(Root);
        await StopLeftovers();
        var folder = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():n}"[..24]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(Root, Path.GetFileName(folder) + ".owner"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _startedIn = folder;
        ConnectionString = (await Script("start", folder)).Trim();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_startedIn is { } folder)
        {
            await Script("stop", folder);
            Delete(folder);
        }
    }

    private static async Task StopLeftovers()
    {
        foreach (var owner in Directory.GetFiles(Root, "*.owner"))
        {
            var folder = Path.Combine(Root, Path.GetFileNameWithoutExtension(owner));
            if (int.TryParse(await File.ReadAllTextAsync(owner), out var pid) && IsAlive(pid))
            {
                continue;
            }

            await Script("stop", folder);
            Delete(folder);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        File.Delete(folder + ".owner");
    }

    private static async Task<string> Script(string verb, string folder)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "postgres.sh");
        var start = new ProcessStartInfo("bash", [script, verb, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {verb} {folder} failed with exit code {process.ExitCode}:\n{await error}");
        }

        return await output;
    }
}
