using System.ComponentModel;
using System.Reflection;
using Flux.Generated;

namespace Flux.Runtime.Tests.Design;

/// <summary>What only generated code needs is hidden from IntelliSense, so the public surface is what users write.</summary>
public class GeneratedOnlySurfaceTests
{
    private static readonly string[] HiddenHandleMembers =
    [
        "HasFallback", "HasRollback", "InvokeAsync", "InvokeFallbackAsync", "InvokeRollbackAsync", "ConvertArguments", "CreateCall",
        "MapCore", "MapOutcomesCore", "MapStreamCore", "RunOnThreadPool", "NoResult",
    ];

    [TestCaseSource(nameof(HiddenHandleMembers))]
    public void Every_TaskHandle_member_only_generated_code_uses_is_hidden(string name)
    {
        var members = typeof(TaskHandle<,>).GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == name && (m is not MethodInfo method || method.IsFamily))
            .ToArray();

        Assert.That(members, Is.Not.Empty);
        Assert.That(members.Select(m => m.GetCustomAttribute<EditorBrowsableAttribute>()?.State), Is.All.EqualTo(EditorBrowsableState.Never));
    }

    [Test]
    public void The_runtime_API_of_generated_graph_bodies_and_awaiters_is_hidden_and_lives_apart()
    {
        Assert.That(typeof(DeclaredGraphRun).Namespace, Is.EqualTo("Flux.Generated"));
        Assert.That(typeof(DeclaredGraphRun).GetCustomAttribute<EditorBrowsableAttribute>()?.State, Is.EqualTo(EditorBrowsableState.Never));
        Assert.That(typeof(TaskCallAwaiter<>).GetCustomAttribute<EditorBrowsableAttribute>()?.State, Is.EqualTo(EditorBrowsableState.Never));
        var targetConstructor = typeof(TaskHandle<,>).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic).Single(c => c.GetParameters().Length == 3);
        Assert.That(targetConstructor.GetCustomAttribute<EditorBrowsableAttribute>()?.State, Is.EqualTo(EditorBrowsableState.Never));
    }

    [Test]
    public void What_users_write_stays_visible()
    {
        foreach (var name in new[] { "Name", "Options", "ParameterTypes", "ResultType", "IsSynchronous" })
        {
            var property = typeof(TaskHandle).GetProperty(name)!;
            Assert.That(property.GetCustomAttribute<EditorBrowsableAttribute>(), Is.Null, name);
        }
    }
}
