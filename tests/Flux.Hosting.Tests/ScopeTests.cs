using System.Text;
using System.Text.Json;
using Flux.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Hosting.Tests;

/// <summary>Instance workflows get their class from a DI scope made for each execution, disposed when it ends.</summary>
[NonParallelizable]
public sealed class ScopeTests
{
    [Test]
    public async Task Each_execution_gets_its_own_scope_and_its_scoped_services_are_disposed_when_it_ends()
    {
        Gates.Reset();
        Ledger.Made.Clear();
        using var db = new TempDatabase();
        using var host = TestHost.Build(new FakeTimeProvider(TestHost.Start), services => services
            .AddScoped<Ledger>()
            .AddSingleton(new Pricing { Rate = 3 })
            .AddFlux(f => f.UseSqlite(db.Path).AddWorkflow(Billing.Descriptor)));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();

        var first = await client.RunAsync("bill", JsonSerializer.SerializeToElement(5), "bill-1");
        var second = await client.RunAsync("bill", JsonSerializer.SerializeToElement(7), "bill-2");

        var ledgers = Ledger.Made.ToArray();
        Assert.That(ledgers, Has.Length.EqualTo(2), "one scope, so one scoped Ledger, per execution");
        Assert.That(Encoding.UTF8.GetString(first.Output!), Is.EqualTo($"\"ledger {ledgers[0].Id}: 15\""));
        Assert.That(Encoding.UTF8.GetString(second.Output!), Is.EqualTo($"\"ledger {ledgers[1].Id}: 21\""));
        Assert.That(ledgers.Select(l => l.Entries.Single()), Is.EqualTo(new[] { 5, 7 }));
        Assert.That(Gates.Runs($"Charge in ledger {ledgers[0].Id}, disposed: False"), Is.EqualTo(1), "the scope lives while the execution runs");
        Assert.That(ledgers.All(l => l.IsDisposed), Is.True, "each scope was disposed when its execution ended");
        await host.StopAsync();
    }
}
