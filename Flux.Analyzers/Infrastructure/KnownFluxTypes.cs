using Flux.Shared.Declarations.Symbols;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Flux.Analyzers;

/// <summary>
/// The Flux and BCL types the analyzers compare against, resolved once per compilation for all of them (the first
/// analyzer's <c>RegisterCompilationStartAction</c> resolves them, the others find them). A type the referenced
/// Flux.Runtime does not define is <see langword="null"/>, and the rules that need it stay silent.
/// </summary>
internal sealed class KnownFluxTypes
{
    // Metadata names, so that the analyzers never reference Flux.Runtime.
    private const string TaskCallName = "Flux.TaskCall`1";
    private const string NonGenericTaskCallName = "Flux.TaskCall";

    private KnownFluxTypes(Compilation compilation, INamedTypeSymbol? taskAttribute, INamedTypeSymbol? workflowAttribute)
    {
        TaskAttribute = taskAttribute;
        WorkflowAttribute = workflowAttribute;
        ExecutionContext = compilation.GetTypeByMetadataName(FluxSymbols.ExecutionContextOfT);
        TaskCall = compilation.GetTypeByMetadataName(TaskCallName);
        NonGenericTaskCall = compilation.GetTypeByMetadataName(NonGenericTaskCallName);
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Graph = compilation.GetTypeByMetadataName(FluxSymbols.Graph);
        TaskHandleOfT = compilation.GetTypeByMetadataName(FluxSymbols.TaskHandleOfT);
        ValueTuple = compilation.GetTypeByMetadataName("System.ValueTuple");
        NodeAttribute = compilation.GetTypeByMetadataName(FluxSymbols.NodeAttribute);
    }

    /// <summary>The types of each compilation that references Flux (null for one that does not).</summary>
    private static readonly ConditionalWeakTable<Compilation, Box> s_known = new();

    /// <summary><c>Flux.TaskAttribute</c>.</summary>
    public INamedTypeSymbol? TaskAttribute { get; }

    /// <summary><c>Flux.WorkflowAttribute</c>.</summary>
    public INamedTypeSymbol? WorkflowAttribute { get; }

    /// <summary><c>Flux.ExecutionContext&lt;TInput&gt;</c> (unbound definition).</summary>
    public INamedTypeSymbol? ExecutionContext { get; }

    /// <summary><c>Flux.TaskCall&lt;TResult&gt;</c> (unbound definition).</summary>
    public INamedTypeSymbol? TaskCall { get; }

    /// <summary><c>Flux.TaskCall</c>, if the runtime has a non-generic base for calls without a result.</summary>
    public INamedTypeSymbol? NonGenericTaskCall { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary><c>Flux.Graph</c>.</summary>
    public INamedTypeSymbol? Graph { get; }

    /// <summary><c>Flux.TaskHandle&lt;TArguments, TResult&gt;</c> (unbound definition).</summary>
    public INamedTypeSymbol? TaskHandleOfT { get; }

    /// <summary><c>System.ValueTuple</c>: the arguments of a task without parameters.</summary>
    public INamedTypeSymbol? ValueTuple { get; }

    /// <summary><c>Flux.NodeAttribute</c>: declarative graphs are available.</summary>
    public INamedTypeSymbol? NodeAttribute { get; }

    /// <summary>The types of <paramref name="compilation"/>, or <see langword="null"/> when it does not reference Flux.</summary>
    public static KnownFluxTypes? TryCreate(Compilation compilation) =>
        s_known.GetValue(compilation, static compilation =>
        {
            var task = compilation.GetTypeByMetadataName(FluxSymbols.TaskAttribute);
            var workflow = compilation.GetTypeByMetadataName(FluxSymbols.WorkflowAttribute);
            return new Box(task is null && workflow is null ? null : new KnownFluxTypes(compilation, task, workflow));
        }).Known;

    /// <summary>The [Task] attribute on <paramref name="method"/>, if any.</summary>
    public AttributeData? GetTaskAttribute(IMethodSymbol method) => FindAttribute(method, TaskAttribute);

    /// <summary>The [Workflow] attribute on <paramref name="method"/>, if any.</summary>
    public AttributeData? GetWorkflowAttribute(IMethodSymbol method) => FindAttribute(method, WorkflowAttribute);

    public bool IsTask(IMethodSymbol method) => GetTaskAttribute(method) is not null;

    public bool IsWorkflow(IMethodSymbol method) => GetWorkflowAttribute(method) is not null;

    /// <summary>Whether <paramref name="type"/> is <c>TaskCall&lt;T&gt;</c>, the non-generic <c>TaskCall</c>, or derives from one of them.</summary>
    public bool IsTaskCall(ITypeSymbol? type)
    {
        if (TaskCall is null && NonGenericTaskCall is null)
        {
            return false;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, TaskCall)
                || SymbolEqualityComparer.Default.Equals(definition, NonGenericTaskCall))
            {
                return true;
            }
        }

        return false;
    }

    private static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    private sealed class Box
    {
        public Box(KnownFluxTypes? known)
        {
            Known = known;
        }

        public KnownFluxTypes? Known { get; }
    }
}
