using System.Linq;

namespace Flux.Generators.Tasks;

/// <summary>
/// What the runtime needs to identify and route a call's arguments: their fingerprint (<c>HashArguments</c>, part of a
/// call's id) and their conversion from untyped values (<c>ConvertArguments</c>, for graphs).
/// </summary>
internal sealed partial class TaskEmitter
{
    private void WriteHashArguments()
    {
        _writer.WriteLine("/// <inheritdoc/>");
        _writer.WriteLine("protected override void HashArguments(ref global::Flux.ArgumentHasher hasher, " + _arguments + " arguments)");
        _writer.OpenBlock();
        if (_values.Count == 0)
        {
            _writer.WriteLine("// No parameters: every call of the task has the same arguments.");
        }

        foreach (var parameter in _values)
        {
            _writer.WriteLine("hasher.Add(" + Element("arguments", parameter) + ");");
        }

        _writer.CloseBlock();
    }

    private void WriteConvertArguments()
    {
        var casts = _values.Select((p, i) => "(" + p.Type + ")arguments[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]!").ToList();
        _writer.WriteLine("/// <inheritdoc/>");
        _writer.WriteLine("protected override " + _arguments + " ConvertArguments(global::System.ReadOnlySpan<object?> arguments) => " + Pack(casts) + ";");
    }
}
