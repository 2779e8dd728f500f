using Flux;
using Flux.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Flux's HTTP API and dashboard into an ASP.NET Core application.</summary>
public static class FluxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Flux HTTP API (workflows, executions, events, live events, resume, cancel, diagrams) and the dashboard
    /// under <paramref name="prefix"/>, over the <see cref="IFluxClient"/> registered in the application's services.
    /// Returns the route group, so that the application adds its own policies:
    /// <c>app.MapFlux("/flux").RequireAuthorization("flux-operators")</c>.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The group's route prefix, such as <c>"/flux"</c>.</param>
    /// <param name="configure">Sets the <see cref="FluxEndpointOptions"/>.</param>
    /// <exception cref="InvalidOperationException">No <see cref="IFluxClient"/> is registered.</exception>
    public static RouteGroupBuilder MapFlux(this IEndpointRouteBuilder endpoints, string prefix = "/flux", Action<FluxEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } services && !services.IsService(typeof(IFluxClient)))
        {
            throw new InvalidOperationException(
                "MapFlux needs an IFluxClient in the application's services: call services.AddFlux(...) (Flux.Hosting), " +
                "or register one yourself: services.AddSingleton<IFluxClient>(new FluxClient(store, FluxCatalog.Workflows, options)).");
        }

        var options = new FluxEndpointOptions();
        configure?.Invoke(options);
        if (options.DefaultEventPageSize is < 1 or > FluxApi.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(configure), options.DefaultEventPageSize, $"FluxEndpointOptions.DefaultEventPageSize must be between 1 and {FluxApi.MaxPageSize}.");
        }

        var group = endpoints.MapGroup(prefix).WithTags("Flux");
        FluxApi.Map(group, options);
        if (options.Dashboard)
        {
            DashboardFiles.Map(group);
        }

        return group;
    }
}
