using System.Collections.Generic;
using System.Linq;
using Flux.Generators.Writing;
using Flux.Shared.Declarations;
using Flux.Shared.Declarations.Fingerprints;

namespace Flux.Generators.Fingerprints;

/// <summary>
/// Writes a task handle's <c>WriteFingerprint</c> override and, below it, one private <c>Write</c> encoder per argument
/// type the runtime does not encode itself (records, classes, structs, tuples, nullables, and collections of them).
/// </summary>
/// <remarks>
/// The encoders live in the handle, beside the override that uses them: Go To Definition on a task shows everything its
/// fingerprint is made of, the encoders can read the private types the task's class declares, and an edit to one type
/// regenerates only the files of the tasks that take it. They are overloads of one name, so that an encoder of a
/// collection passes the encoder of its items as the method group <c>Write</c>.
/// </remarks>
internal sealed class FingerprintEmitter
{
    private const string Writer = "global::Flux.FingerprintWriter";

    private readonly SourceWriter _writer;
    private readonly FingerprintPlan _plan;

    private FingerprintEmitter(SourceWriter writer, FingerprintPlan plan)
    {
        _writer = writer;
        _plan = plan;
    }

    /// <summary>Writes the override, whose body writes each value of <paramref name="values"/> (C# expressions, one per parameter), then the encoders.</summary>
    public static void Write(SourceWriter writer, FingerprintPlan plan, string argumentsType, IReadOnlyList<string> values) =>
        new FingerprintEmitter(writer, plan).Write(argumentsType, values);

    private void Write(string argumentsType, IReadOnlyList<string> values)
    {
        _writer.WriteLine("/// <inheritdoc/>");
        _writer.WriteLine("protected override void WriteFingerprint(ref " + Writer + " writer, " + argumentsType + " arguments)");
        _writer.OpenBlock();
        if (values.Count == 0)
        {
            _writer.WriteLine("// No parameters: every call of the task has the same arguments.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            _writer.WriteLine(Statement(_plan.Parameters[i].Type, values[i]));
        }

        _writer.CloseBlock();

        var encoders = Encoders();
        if (encoders.Count == 0)
        {
            return;
        }

        _writer.WriteLine();
        _writer.WriteLine("// The encoders of the argument types (see docs/fingerprints.md). They take every nullability of a type, so nullable");
        _writer.WriteLine("// annotations are off for them; a null reference is written as null.");
        _writer.WriteLine("#nullable disable");
        foreach (var shape in encoders)
        {
            _writer.WriteLine();
            WriteEncoder(shape);
        }

        _writer.WriteLine("#nullable restore");
    }

    /// <summary>The shapes that get a <c>Write</c> overload: those written by parts, and collections that are items of others.</summary>
    private List<FingerprintShape> Encoders()
    {
        var items = new HashSet<string>();
        foreach (var shape in _plan.Shapes)
        {
            if (shape.Kind is FingerprintKind.Sequence or FingerprintKind.Set or FingerprintKind.Memory or FingerprintKind.Dictionary or FingerprintKind.Pair)
            {
                items.UnionWith(shape.Elements);
            }
        }

        return _plan.Shapes
            .Where(shape => shape.Kind is FingerprintKind.Object or FingerprintKind.Tuple or FingerprintKind.Nullable
                || (items.Contains(shape.Type) && NeedsEncoder(shape.Type)))
            .ToList();
    }

    /// <summary>True when a value of the type, as an item, needs a generated encoder rather than the writer's own.</summary>
    private bool NeedsEncoder(string type) => _plan.Shape(type).Kind is not (FingerprintKind.Scalar or FingerprintKind.Dynamic or FingerprintKind.Stable);

    /// <summary>The statement that writes <paramref name="value"/>, a value of <paramref name="type"/>.</summary>
    private string Statement(string type, string value)
    {
        var shape = _plan.Shape(type);
        return shape.Kind switch
        {
            FingerprintKind.Stable => "writer.WriteStable(" + value + ");",
            FingerprintKind.Sequence => "writer.WriteSequence(" + value + ItemEncoder(shape) + ");",
            FingerprintKind.Set => "writer.WriteSet(" + value + ItemEncoder(shape) + ");",
            FingerprintKind.Memory => "writer.WriteSpan(" + value + ".Span" + ItemEncoder(shape) + ");",
            FingerprintKind.Dictionary => "writer.WriteDictionary(" + value + PairEncoders(shape) + ");",
            FingerprintKind.Pair => "writer.WritePair(" + value + PairEncoders(shape) + ");",
            FingerprintKind.Object or FingerprintKind.Tuple or FingerprintKind.Nullable => "Write(ref writer, " + value + ");",
            _ => "writer.Write(" + value + ");",
        };
    }

    private string ItemEncoder(FingerprintShape shape) => NeedsEncoder(shape.Elements[0]) ? ", Write" : string.Empty;

    private string PairEncoders(FingerprintShape shape) => (NeedsEncoder(shape.Elements[0]), NeedsEncoder(shape.Elements[1])) switch
    {
        (true, true) => ", Write, Write",
        (true, false) => ", writeKey: Write",
        (false, true) => ", writeValue: Write",
        _ => string.Empty,
    };

    private void WriteEncoder(FingerprintShape shape)
    {
        var what = shape.Kind switch
        {
            FingerprintKind.Object => "by value: its members, in ordinal order of their names",
            FingerprintKind.Tuple => "by its elements, in order",
            FingerprintKind.Nullable => "as its value, or null",
            FingerprintKind.Set or FingerprintKind.Dictionary => "by its entries, in sorted order",
            FingerprintKind.Pair => "as the tuple (key, value)",
            _ => "by its items, in order",
        };

        var article = "aeiouAEIOU".IndexOf(shape.Display[0]) >= 0 ? "an" : "a";
        _writer.WriteLine("/// <summary>Writes " + article + " <c>" + Xml(shape.Display) + "</c> " + what + ".</summary>");
        var signature = "private static void Write(ref " + Writer + " writer, " + shape.Type + " value)";
        if (shape.Kind is not (FingerprintKind.Object or FingerprintKind.Tuple or FingerprintKind.Nullable))
        {
            _writer.WriteLine(signature + " =>");
            _writer.WriteLine("    " + Statement(shape.Type, "value"));
            return;
        }

        _writer.WriteLine(signature);
        _writer.OpenBlock();
        if (shape.Kind == FingerprintKind.Nullable)
        {
            _writer.WriteLine("if (value is { } item)");
            _writer.OpenBlock();
            _writer.WriteLine(Statement(shape.Elements[0], "item"));
            _writer.CloseBlock();
            _writer.WriteLine("else");
            _writer.OpenBlock();
            _writer.WriteLine("writer.WriteNull();");
            _writer.CloseBlock();
            _writer.CloseBlock();
            return;
        }

        if (shape.IsReferenceType)
        {
            _writer.WriteLine("if (value is null)");
            _writer.OpenBlock();
            _writer.WriteLine("writer.WriteNull();");
            _writer.WriteLine("return;");
            _writer.CloseBlock();
            _writer.WriteLine();
        }

        if (shape.Kind == FingerprintKind.Tuple)
        {
            _writer.WriteLine("writer.BeginTuple(" + shape.Elements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ");");
            var position = 0;
            foreach (var element in shape.Elements)
            {
                position++;
                _writer.WriteLine(Statement(element, "value.Item" + position.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            _writer.CloseBlock();
            return;
        }

        _writer.WriteLine(shape.IsExactType ? "writer.BeginObject();" : "writer.BeginObject(value);");
        foreach (var member in shape.Members)
        {
            _writer.WriteLine("writer.WriteName(\"" + member.Name + "\");");
            _writer.WriteLine(Statement(member.Type, "value." + member.Access));
        }

        _writer.WriteLine("writer.EndObject();");
        _writer.CloseBlock();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
