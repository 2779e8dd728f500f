using Flux;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Flux to a .NET host.</summary>
public static class FluxServiceCollectionExtensions
{
    /// <summary>
    /// Adds Flux: the execution store <paramref name="configure"/> chooses, an <see cref="IFluxClient"/> that runs the
    /// workflows it adds (an instance workflow's class is resolved from a DI scope made for each execution, so its
    /// constructor can take services), logs through <c>ILogger</c>, and a hosted service that resumes, when the host
    /// starts, the executions a crash left running, and fires due <c>Workflow.Sleep</c> timers while it runs.
    /// <see cref="FluxOptions"/> are validated when the host starts.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Chooses the store and adds the workflows.</param>
    /// <exception cref="InvalidOperationException">No store was chosen, or Flux was added twice.</exception>
    public static IServiceCollection AddFlux(this IServiceCollection services, Action<FluxBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(s => s.ServiceType == typeof(FluxRuntime)))
        {
            throw new InvalidOperationException("AddFlux was called twice: call it once, and add every workflow in that call.");
        }

        var builder = new FluxBuilder(services);
        configure(builder);
        if (builder.StoreName is null)
        {
            throw new InvalidOperationException(
                "AddFlux needs an execution store: call UseSqlite(\"flux.db\") (package Flux.Sqlite), UsePostgreSql(connectionString) (package Flux.PostgreSql), " +
                "UseInMemoryStore() or UseStore(...) in its configure action.");
        }

        services.AddOptions<FluxOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FluxOptions>, FluxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new FluxWorkflows(builder.Workflows.ToArray()));
        services.AddSingleton<FluxRuntime>();
        services.AddSingleton<IFluxClient>(sp => sp.GetRequiredService<FluxRuntime>().Client);
        services.AddHostedService<FluxHostedService>();
        return services;
    }
}
