namespace Flux;

/// <summary>
/// Registers the assembly's <c>JsonSerializerContext</c>: the reflection-free JSON metadata durable runs use for the
/// inputs, outputs, arguments and results of the assembly's workflows and tasks:
/// <c>[assembly: FluxJsonContext(typeof(AppJson))]</c>. The analyzers check the task and workflow types against it, and
/// the generated catalog hands it to the <see cref="FluxClient"/> (see <see cref="WorkflowDescriptor.Json"/>); a run
/// started directly takes its JSON options from <see cref="RunOptions.Json"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class FluxJsonContextAttribute : Attribute
{
    /// <summary>Registers <paramref name="contextType"/>, a class deriving from <c>System.Text.Json.Serialization.JsonSerializerContext</c>.</summary>
    /// <param name="contextType">The context's type.</param>
    public FluxJsonContextAttribute(Type contextType)
    {
        ContextType = contextType ?? throw new ArgumentNullException(nameof(contextType));
    }

    /// <summary>The context's type.</summary>
    public Type ContextType { get; }
}
