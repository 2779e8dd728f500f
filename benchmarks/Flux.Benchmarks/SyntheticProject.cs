using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flux.Benchmarks;

/// <summary>
/// A synthetic user project for <see cref="IdeBenchmarks"/>: <see cref="Modules"/> partial classes, each declared in two
/// files: <c>ModuleNN.Tasks.cs</c> with <see cref="TasksPerModule"/> <c>[Task]</c> methods and <c>ModuleNN.Flow.cs</c>
/// with one <c>[Workflow]</c> that runs a fluent graph of five nodes with constant names (a diamond and a tail:
/// a -> b, a -> c, b + c -> d, d -> e). 100 modules make 1,000 tasks, 100 workflows, 100 graphs, 200 files.
/// </summary>
internal static class SyntheticProject
{
    public const int Modules = 100;
    public const int TasksPerModule = 10;

    /// <summary>The module whose task body <see cref="EditedTasksFile"/> changes.</summary>
    public const int EditedModule = 42;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    public static CSharpParseOptions ParseOptions => s_parseOptions;

    /// <summary>The path of the file the one-line edit changes.</summary>
    public static string EditedPath => TasksPath(EditedModule);

    /// <summary>Every source file of the project, parsed.</summary>
    public static ImmutableArray<SyntaxTree> Parse()
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>(2 * Modules + 1);
        trees.Add(CSharpSyntaxTree.ParseText(GlobalUsings, s_parseOptions, path: "GlobalUsings.cs", encoding: Encoding.UTF8));
        for (var m = 0; m < Modules; m++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(TasksFile(m, increment: 1), s_parseOptions, path: TasksPath(m), encoding: Encoding.UTF8));
            trees.Add(CSharpSyntaxTree.ParseText(FlowFile(m), s_parseOptions, path: FlowPath(m), encoding: Encoding.UTF8));
        }

        return trees.MoveToImmutable();
    }

    /// <summary>The edited module's tasks file after a one-line edit inside a method body: <c>x + 1</c> becomes <c>x + <paramref name="increment"/></c>.</summary>
    public static SyntaxTree ParseEdited(int increment) =>
        CSharpSyntaxTree.ParseText(TasksFile(EditedModule, increment), s_parseOptions, path: EditedPath, encoding: Encoding.UTF8);

    /// <summary>The project as the compiler sees it before generators run: .NET 10 and Flux.Runtime referenced.</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Flux.Synthetic",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static ImmutableArray<MetadataReference> References { get; } =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TaskAttribute).Assembly.Location),
    ];

    /// <summary>
    /// Every incremental generator of Flux.Generators. The project reference to the generator only hands it to the
    /// compiler (it generates this project's own handles), so its dll is copied beside the benchmarks by the project
    /// file and loaded here.
    /// </summary>
    public static ImmutableArray<IIncrementalGenerator> Generators()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Flux.Generators.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(path + " is missing: build benchmarks/Flux.Benchmarks, which copies it there.");
        }

        return [.. Assembly.LoadFrom(path).GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IIncrementalGenerator)Activator.CreateInstance(t)!)];
    }

    /// <summary>Every analyzer Flux.Analyzers exports.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        [.. typeof(Flux.Analyzers.FluxAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    private const string GlobalUsings = """
        global using System;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Flux;
        """;

    private static string TasksPath(int module) => "Module" + Two(module) + ".Tasks.cs";

    private static string FlowPath(int module) => "Module" + Two(module) + ".Flow.cs";

    private static string Two(int module) => module.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Ten tasks of the shapes people write: synchronous and asynchronous, one and two parameters, a string result.
    /// Task names are unique in the assembly (FLUX107), so each carries its module's number.
    /// </summary>
    private static string TasksFile(int module, int increment)
    {
        var m = Two(module);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            namespace Synthetic;

            public static partial class Module{{m}}
            {
                [Task]
                public static int Parse{{m}}(int x)
                {
                    var y = x + {{increment}};
                    return y;
                }

                [Task(Retries = 2)]
                public static async Task<int> Double{{m}}Async(int x, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return x * 2;
                }

                [Task]
                public static int Square{{m}}(int x) => x * x;

                [Task]
                public static int Join{{m}}(int left, int right) => left + right;

                [Task]
                public static ValueTask<int> Check{{m}}(int x) => ValueTask.FromResult(Math.Abs(x));

            """);
        for (var t = 5; t < TasksPerModule - 1; t++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    [Task]
                    public static int Step{{m}}_{{t}}(int x) => x - {{t}};

                """);
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
                [Task]
                public static string Describe{{m}}(int x) => "module {{m}}: " + x;
            }

            """);
        return text.ToString();
    }

    private static string FlowFile(int module)
    {
        var m = Two(module);
        return $$"""
            namespace Synthetic;

            public static partial class Module{{m}}
            {
                private const string Start = "parse";

                [Workflow]
                public static async Task<int> Flow{{m}}(ExecutionContext<int> context) =>
                    await new Graph("flow{{m}}")
                        .AddNode(Start, Parse{{m}}Task)
                        .AddNode("double", Double{{m}}Task)
                        .AddNode("square", Square{{m}}Task)
                        .AddNode("join", Join{{m}}Task)
                        .AddNode(nameof(Check{{m}}), Check{{m}}Task)
                        .AddEdge(Start, "double")
                        .AddEdge(Start, "square")
                        .AddEdge("double", "join")
                        .AddEdge("square", "join")
                        .AddEdge("join", nameof(Check{{m}}))
                        .StartWith(Start)
                        .EndWith(nameof(Check{{m}}))
                        .RunAsync<int, int>(context.Input);
            }

            """;
    }
}
