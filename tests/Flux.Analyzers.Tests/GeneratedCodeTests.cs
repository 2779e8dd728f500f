using Flux.Shared.Diagnostics;
using System.Collections.Immutable;
using Flux.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Analyzers.Tests;

/// <summary>
/// The analyzers next to the real generator: on valid code, after the generator added the handles, no Flux rule fires
/// (a generated <c>SayHiTask</c> is not a collision, generated code is not analyzed), and the rules still fire on user code.
/// </summary>
public sealed class GeneratedCodeTests
{
    private const string ValidSource = """
        using System.Threading;
        using System.Threading.Tasks;
        using Flux;

        namespace Sample;

        public static partial class Greetings
        {
            [Task] public static string SayHi(string name) => "Hi, " + name;
            [Task] public static async Task<string> SayHelloAsync(string name, CancellationToken cancellationToken) { await Task.Yield(); return "Hello, " + name; }
            [Task] public static ValueTask<string> SayHola(string name) => ValueTask.FromResult("Hola, " + name);
            [Task] public static Task Log(string message) => Task.CompletedTask;

            [Workflow]
            public static async Task<string[]> Parallel(ExecutionContext<string> context)
            {
                await LogTask.Call(context.Input);
                return await Workflow.Parallel(SayHiTask.Call(context.Input), SayHelloTask.Call(context.Input), SayHolaTask.Call(context.Input));
            }
        }

        public partial class Counter
        {
            [Task] public int Add(int a, int b) => a + b;

            [Workflow] public async Task<int> Sum(ExecutionContext<int> context) => await AddTask.Call(context.Input, 1);
        }
        """;

    private static ImmutableArray<DiagnosticAnalyzer> FluxAnalyzers() =>
        typeof(FluxAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static async Task<(Compilation Output, ImmutableArray<Diagnostic> Flux)> RunAsync(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var input = CSharpCompilation.Create(
            "Flux.Analyzers.Tests.Generated",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "Sample.cs")],
            FluxTestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new FluxGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var diagnostics = await output.WithAnalyzers(FluxAnalyzers()).GetAnalyzerDiagnosticsAsync();
        return (output, diagnostics);
    }

    [Test]
    public async Task No_rule_fires_on_valid_code_with_the_generated_handles()
    {
        var (output, flux) = await RunAsync(ValidSource);

        Assert.That(output.SyntaxTrees.Count(), Is.GreaterThan(1), "the generator added sources");
        Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        Assert.That(flux, Is.Empty);
    }

    [Test]
    public async Task Rules_fire_on_user_code_next_to_generated_code()
    {
        var source = ValidSource.Replace(
            "await LogTask.Call(context.Input);",
            "LogTask.Call(context.Input); SayHi(context.Input);");

        var (_, flux) = await RunAsync(source);

        Assert.That(flux.Select(d => d.Id), Is.EquivalentTo(new[] { DiagnosticIds.DiscardedTaskCall, DiagnosticIds.DirectTaskCall }));
        Assert.That(flux.Select(d => d.Location.SourceTree?.FilePath), Has.All.EqualTo("Sample.cs"));
    }
}
