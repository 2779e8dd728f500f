using System.Collections.Generic;
using System.Linq;
using Flux.Generators.Symbols;

namespace Flux.Generators.Tasks;

/// <summary>The handle's <c>Call</c> and its <c>Map</c>, <c>MapOutcomes</c> and <c>MapStream</c> overloads.</summary>
internal sealed partial class TaskEmitter
{
    private string Tail => KnownTypes.BatchOptions + "? " + _options + " = null, " + KnownTypes.CancellationToken + " " + _token + " = default";

    private string Forward => _options + ", " + _token;

    private void WriteCall()
    {
        var parameters = string.Join(", ", _values.Select(p => p.Type + " " + p.Name + (p.DefaultValue is null ? string.Empty : " = " + p.DefaultValue)));
        _writer.WriteLine("/// <summary>A lazy call of <see cref=\"" + Cref + "\"/> with these arguments: nothing runs until it is awaited or handed to a pattern.</summary>");
        _writer.WriteLine("public global::Flux.TaskCall<" + _result + "> Call(" + parameters + ") => CreateCall(" + Pack(_values.Select((p, i) => Materialized(i, p.Name)).ToList()) + ");");
    }

    /// <summary>The arguments as <c>TArguments</c>: nothing, the single value, or a tuple.</summary>
    private static string Pack(List<string> values) => values.Count switch
    {
        0 => "default",
        1 => values[0],
        _ => "(" + string.Join(", ", values) + ")",
    };

    private void WriteMaps()
    {
        if (_values.Count == 0)
        {
            return;
        }

        string items, itemType, itemsDoc;
        if (_values.Count == 1)
        {
            items = _values[0].Name;
            itemType = _values[0].Type;
            itemsDoc = "<paramref name=\"" + TypeText.Unescape(items) + "\"/>";
        }
        else
        {
            items = "items";
            itemType = _arguments;
            itemsDoc = "<paramref name=\"items\"/> (a tuple of the arguments per call)";
        }

        var results = KnownTypes.Task + "<" + _result + "[]>";
        var outcomes = KnownTypes.Task + "<global::Flux.Outcome<" + _result + ">[]>";
        var stream = KnownTypes.AsyncEnumerable + "<" + _result + ">";
        var overloads = new (string Doc, string Returns, string Name, string Source, string Core)[]
        {
            ("Runs the task once per item of " + itemsDoc + ", with bounded concurrency (see <see cref=\"global::Flux.BatchOptions\"/>); the results are in input order.", results, "Map", KnownTypes.Enumerable, "MapCore"),
            ("Runs the task once per item of the asynchronous sequence " + itemsDoc + ", with bounded concurrency; the results are in input order.", results, "Map", KnownTypes.AsyncEnumerable, "MapCore"),
            ("Runs the task once per item of " + itemsDoc + " and returns every outcome, success or failure, in input order, instead of throwing the first failure.", outcomes, "MapOutcomes", KnownTypes.Enumerable, "MapOutcomesCore"),
            ("Runs the task once per item of " + itemsDoc + " with bounded memory, yielding the results as a stream.", stream, "MapStream", KnownTypes.Enumerable, "MapStreamCore"),
            ("Runs the task once per item of the asynchronous sequence " + itemsDoc + " with bounded memory, yielding the results as a stream.", stream, "MapStream", KnownTypes.AsyncEnumerable, "MapStreamCore"),
        };

        foreach (var overload in overloads)
        {
            _writer.WriteLine();
            _writer.WriteLine("/// <summary>" + overload.Doc + "</summary>");
            _writer.WriteLine("public " + overload.Returns + " " + overload.Name + "(" + overload.Source + "<" + itemType + "> " + items + ", " + Tail + ") =>");
            _writer.WriteLine("    " + overload.Core + "(" + items + ", " + Forward + ");");
        }

        if (_values.Count == 1)
        {
            return;
        }

        // One overload per parameter: map over that parameter with the others fixed (GreetTask.Map("Hi", names)).
        var taken = new HashSet<string>(_values.Select(p => TypeText.Unescape(p.Name)));
        var each = Unique(taken, "item", "each");
        for (var i = 0; i < _values.Count; i++)
        {
            var varying = _values[i];
            var parameters = string.Join(", ", _values.Select((p, j) => j == i ? KnownTypes.Enumerable + "<" + p.Type + "> " + p.Name : p.Type + " " + p.Name));
            var tuple = Pack(_values.Select((p, j) => j == i ? each : p.Name).ToList());
            _writer.WriteLine();
            _writer.WriteLine("/// <summary>Runs the task once per item of <paramref name=\"" + TypeText.Unescape(varying.Name) + "\"/>, with the other arguments fixed; the results are in input order.</summary>");
            _writer.WriteLine("public " + results + " Map(" + parameters + ", " + Tail + ") =>");
            _writer.WriteLine("    MapCore(global::System.Linq.Enumerable.Select<" + varying.Type + ", " + _arguments + ">(" + varying.Name + ", " + each + " => " + tuple + "), " + Forward + ");");
        }
    }
}
