using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Flux.Orleans;

/// <summary>Adds Flux to an Orleans silo or client.</summary>
public static class FluxOrleansHostingExtensions
{
    /// <summary>
    /// Hosts Flux on this silo: its execution grains and task workers, the tasks and workflows of the catalogs given to
    /// <paramref name="configure"/>, an <see cref="ITaskDispatcher"/> that spreads task calls over the cluster, the sweep
    /// that resumes executions a silo left behind, and an <see cref="IFluxClient"/>. A store is required
    /// (<see cref="FluxOrleansBuilder.UseStore"/>).
    /// </summary>
    /// <example><code>
    /// siloBuilder.AddFlux(flux => flux
    ///     .AddTasks(FluxCatalog.TryGetTask)
    ///     .AddWorkflows(FluxCatalog.TryGetWorkflow)
    ///     .Configure(options => options.MaxConcurrentTaskCallsPerSilo = 16));
    /// </code></example>
    public static ISiloBuilder AddFlux(this ISiloBuilder builder, Action<FluxOrleansBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddCommon(services, configure);
        services.TryAddSingleton<SiloTaskLimiter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static provider => provider.GetRequiredService<SiloTaskLimiter>());
        services.TryAddSingleton<TaskBodyRunner>();
        services.AddPlacementDirector<WorkerSlotPlacement, WorkerSlotPlacementDirector>();
        services.TryAddSingleton(static provider => ActivatorUtilities.CreateInstance<SiloExecutions>(provider, RequiredStore(provider, "silo")));
        services.TryAddSingleton<ExecutionRecovery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static provider => provider.GetRequiredService<SiloExecutions>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static provider => provider.GetRequiredService<ExecutionRecovery>());
        return builder;
    }

    /// <summary>
    /// Lets this client use Flux on the cluster: an <see cref="IFluxClient"/> (<see cref="ClusterFluxClient"/>, which needs
    /// the cluster's store: <see cref="FluxOrleansBuilder.UseStore"/>), an <see cref="ITaskDispatcher"/> that sends task
    /// calls to the silos, and the execution grains (<see cref="IFluxExecutionGrain"/>) through the client's grain factory.
    /// </summary>
    public static IClientBuilder AddFlux(this IClientBuilder builder, Action<FluxOrleansBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCommon(builder.Services, configure);
        return builder;
    }

    private static IExecutionStore RequiredStore(IServiceProvider provider, string where) =>
        provider.GetService<IExecutionStore>() ?? throw new InvalidOperationException(
            $"Flux on this {where} has no execution store: the silos and clients of a cluster share one, where executions are kept. " +
            "Register it with AddFlux(flux => flux.UseStore(services => new PostgresExecutionStore(connectionString))).");

    private static void AddCommon(IServiceCollection services, Action<FluxOrleansBuilder>? configure)
    {
        // One set of catalogs per container, however many times AddFlux is called.
        var catalogs = services.FirstOrDefault(static d => d.ServiceType == typeof(FluxCatalogs))?.ImplementationInstance as FluxCatalogs;
        if (catalogs is null)
        {
            catalogs = new FluxCatalogs();
            services.AddSingleton(catalogs);
            services.AddOptions<FluxOrleansOptions>().ValidateOnStart();
            services.AddSingleton<IValidateOptions<FluxOrleansOptions>, FluxOrleansOptionsValidator>();
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<ITaskDispatcher, GrainTaskDispatcher>();
            services.TryAddSingleton<IFluxClient>(static provider => new ClusterFluxClient(
                provider.GetRequiredService<IGrainFactory>(),
                RequiredStore(provider, "client"),
                provider.GetRequiredService<FluxCatalogs>(),
                provider.GetRequiredService<IOptions<FluxOrleansOptions>>(),
                provider.GetRequiredService<TimeProvider>()));

            // Any other Flux exception a grain throws (the engine's, a workflow's) crosses the cluster with its type
            // name, message, stack and inner exceptions instead of failing the reply for want of a codec.
            services.Configure<ExceptionSerializationOptions>(static options => options.SupportedNamespacePrefixes.Add("Flux"));
        }

        configure?.Invoke(new FluxOrleansBuilder(services, catalogs));
    }
}
