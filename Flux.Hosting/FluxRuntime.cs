using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flux;

/// <summary>The workflows given to <c>AddFlux</c>.</summary>
internal sealed record FluxWorkflows(IReadOnlyList<WorkflowDescriptor> All);

/// <summary>
/// Flux in a host: the <see cref="FluxClient"/> over the registered store and workflows, with the run options made from
/// <see cref="FluxOptions"/> (clock from DI, observers: the log and any <see cref="IExecutionObserver"/> registered), and
/// a DI scope per execution for instance workflows. It is not disposable on purpose: the container would otherwise
/// wait, when it is disposed, for executions that may sleep for days; the hosted service waits for them, up to
/// <see cref="FluxOptions.ShutdownWait"/>, when the host stops.
/// </summary>
internal sealed class FluxRuntime
{
    private readonly IServiceProvider _services;

    public FluxRuntime(
        IServiceProvider services,
        IExecutionStore store,
        FluxWorkflows workflows,
        IOptions<FluxOptions> options,
        TimeProvider clock,
        ILoggerFactory? loggers = null,
        IEnumerable<IExecutionObserver>? observers = null)
    {
        _services = services;
        Options = options.Value;
        Clock = clock;
        Store = store;
        Logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Flux");
        IExecutionObserver log = new LoggingObserver(Logger, Options.LogValues);
        var others = observers?.ToArray() ?? [];
        var runOptions = new RunOptions
        {
            TimeProvider = clock,
            Json = Options.Json,
            Owner = Options.Owner,
            LeaseDuration = Options.LeaseDuration,
            Observer = others.Length == 0 ? log : new CompositeObserver([log, .. others]),
        };
        Inner = new FluxClient(store, workflows.All, runOptions, Activate);
        Client = new HostedFluxClient(Inner);
    }

    /// <summary>The client the host runs executions with.</summary>
    public FluxClient Inner { get; }

    /// <summary>The client the container hands out: the same, but not disposable, so that the container does not wait for the executions.</summary>
    public IFluxClient Client { get; }

    public IExecutionStore Store { get; }

    public FluxOptions Options { get; }

    public TimeProvider Clock { get; }

    public ILogger Logger { get; }

    /// <summary>One DI scope per execution: the workflow's class is resolved from it (or made with its services), and it is disposed when the run ends.</summary>
    private WorkflowActivation Activate(WorkflowDescriptor workflow, string executionId)
    {
        var scope = _services.CreateAsyncScope();
        try
        {
            var instance = ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, workflow.DeclaringType!);
            return new WorkflowActivation(instance, scope);
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }
}

/// <summary>Hands every event and progress report to several observers in turn.</summary>
internal sealed class CompositeObserver(IExecutionObserver[] observers) : IExecutionObserver
{
    public void OnEvent(ExecutionContext execution, long sequence, ExecutionEvent executionEvent)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.OnEvent(execution, sequence, executionEvent);
            }
            catch (Exception)
            {
                // One observer's failure does not keep the others from seeing the event.
            }
        }
    }

    public void OnProgress(ExecutionContext execution, BatchProgress progress)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.OnProgress(execution, progress);
            }
            catch (Exception)
            {
                // One observer's failure does not keep the others from seeing the progress.
            }
        }
    }
}
