using System.Diagnostics;
using System.IO.Compression;

namespace Flux.Package.Tests;

/// <summary>
/// Packs the Flux package, restores it from a local folder into a new console project, and builds and runs a
/// workflow there: the generator and the analyzers must come with the package and work in a user's build.
/// </summary>
public class PackageTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Test]
    public async Task The_package_carries_the_compiler_components_and_runs_a_workflow_in_a_fresh_project()
    {
        var work = Directory.CreateTempSubdirectory("flux-package-");
        try
        {
            // A version of its own, so the global packages folder never serves an older build of the package.
            var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            await Dotnet(RepositoryRoot, "pack", "Flux.Runtime/Flux.Runtime.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}");

            var package = Path.Combine(feed, $"Flux.{version}.nupkg");
            Assert.That(File.Exists(package), Is.True, $"expected {package}");
            using (var zip = ZipFile.OpenRead(package))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToArray();
                Assert.That(entries, Does.Contain("lib/net10.0/Flux.Runtime.dll"));
                Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Flux.Generators.dll"));
                Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Flux.Analyzers.dll"));
                Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Flux.Analyzers.CodeFixes.dll"));
            }

            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "app")).FullName;
            await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Flux" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
                using Flux;

                var ctx = await Greetings.GreetAllWorkflow.RunAsync("Joe");
                Console.WriteLine(string.Join(" | ", ctx.GetOutputOrThrow()));

                public static partial class Greetings
                {
                    [Task] public static string SayHi(string name) => $"Hi, {name}";

                    [Task] public static async Task<string> SayHello(string name)
                    {
                        await Task.Yield();
                        return $"Hello, {name}";
                    }

                    [Workflow]
                    public static async Task<string[]> GreetAll(ExecutionContext<string> ctx) =>
                        await Workflow.Parallel(SayHiTask.Call(ctx.Input), SayHelloTask.Call(ctx.Input));
                }
                """);
            // Keep the app out of the repository's Directory.Build.props and central package versions.
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "Directory.Build.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "Directory.Packages.props"), "<Project />");

            var output = await Dotnet(app, "run");

            Assert.That(output.Trim().Split('\n').Last().Trim(), Is.EqualTo("Hi, Joe | Hello, Joe"));
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task<string> Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBuildEnableWorkloadResolver"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout;
        if (process.ExitCode != 0)
        {
            Assert.Fail($"dotnet {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{text}\n{await stderr}");
        }

        return text;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flux.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Flux.sln not found above " + AppContext.BaseDirectory);
    }
}
