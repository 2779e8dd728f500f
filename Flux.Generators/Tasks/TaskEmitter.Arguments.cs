using System.Linq;
using Flux.Generators.Fingerprints;

namespace Flux.Generators.Tasks;

/// <summary>
/// What the runtime needs to identify and route a call's arguments: their fingerprint (<c>WriteFingerprint</c>, part of a
/// call's id) and their conversion from untyped values (<c>ConvertArguments</c>, for graphs).
/// </summary>
internal sealed partial class TaskEmitter
{
    /// <summary>The <c>WriteFingerprint</c> override and the encoders it uses (see <see cref="FingerprintEmitter"/>).</summary>
    private void WriteFingerprint() =>
        FingerprintEmitter.Write(_writer, _task.Fingerprint, _arguments, _values.Select(p => Element("arguments", p)).ToList());

    private void WriteConvertArguments()
    {
        var casts = _values.Select((p, i) => Materialized(i, "(" + p.Type + ")arguments[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]!")).ToList();
        _writer.WriteLine("/// <inheritdoc/>");
        _writer.WriteLine("protected override " + _arguments + " ConvertArguments(global::System.ReadOnlySpan<object?> arguments) => " + Pack(casts) + ";");
    }

    /// <summary>A value for a parameter declared as a sequence is read into a collection when the call is made (see <c>TaskArguments.Materialize</c>).</summary>
    private string Materialized(int index, string value) =>
        _task.Fingerprint.Parameters[index].Materialize ? "global::Flux.TaskArguments.Materialize(" + value + ")" : value;
}
