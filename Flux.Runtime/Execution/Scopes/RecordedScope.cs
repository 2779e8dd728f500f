using System.Text;

namespace Flux;

/// <summary>
/// The scope of a call that a resumed execution loaded from its store, known by its path only: it renders the ids of
/// the loaded events in <see cref="ExecutionContext.Events"/>. Nothing runs in it.
/// </summary>
internal sealed class RecordedScope(ExecutionContext execution, string path) : Scope(null, default)
{
    public string Path { get; } = path;

    public override ExecutionContext? Execution { get; } = execution;

    public override bool Records => false;

    public override void AppendPrefix(StringBuilder text) => text.Append(Path).Append('/');
}
