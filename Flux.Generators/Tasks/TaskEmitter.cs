using System.Collections.Generic;
using System.Linq;
using Flux.Generators.Symbols;
using Flux.Generators.Writing;
using Flux.Shared.Declarations;
using Flux.Shared.Naming;

namespace Flux.Generators.Tasks;

/// <summary>
/// Writes one task: its handle property and its nested handle type, which derives from the runtime's
/// <c>TaskHandle&lt;TArguments, TResult&gt;</c>. The calls and maps are in <c>TaskEmitter.Maps.cs</c>, how arguments are
/// fingerprinted and converted in <c>TaskEmitter.Arguments.cs</c>.
/// </summary>
internal sealed partial class TaskEmitter
{
    private readonly SourceWriter _writer;
    private readonly TaskModel _task;
    private readonly List<ParameterModel> _values;
    private readonly string _arguments;
    private readonly string _result;
    private readonly string _options;
    private readonly string _token;
    private readonly string _target;

    private TaskEmitter(SourceWriter writer, TaskModel task)
    {
        _writer = writer;
        _task = task;
        _values = task.Parameters.Where(p => !p.IsCancellationToken).ToList();
        _arguments = _values.Count switch
        {
            0 => KnownTypes.ValueTuple,
            1 => _values[0].Type,
            _ => "(" + string.Join(", ", _values.Select(p => p.Type + " " + p.TupleElement)) + ")",
        };
        _result = task.ResultType;
        _target = task.IsStatic ? task.Type.FullyQualifiedName : "_target";

        // Map's own parameters must not clash with the task's.
        var taken = new HashSet<string>(_values.Select(p => TypeText.Unescape(p.Name)));
        _options = Unique(taken, "options", "batchOptions");
        _token = Unique(taken, "cancellationToken", "batchCancellationToken");
    }

    private bool IsSynchronous => _task.Body is BodyKind.Value or BodyKind.Void;

    private string Cref => _task.Cref;

    /// <summary>Writes the property and the handle type of <paramref name="task"/>.</summary>
    public static void Write(SourceWriter writer, TaskModel task)
    {
        var emitter = new TaskEmitter(writer, task);
        emitter.WriteProperty();
        writer.WriteLine();
        emitter.WriteHandle();
    }

    private void WriteProperty()
    {
        var summary = _values.Count == 0
            ? "/// <summary>The Flux task of <see cref=\"" + Cref + "\"/>: <c>Call</c> runs it lazily.</summary>"
            : "/// <summary>The Flux task of <see cref=\"" + Cref + "\"/>: <c>Call</c> runs it lazily, <c>Map</c> applies it to many inputs.</summary>";
        _writer.WriteLine(summary);
        _writer.WriteLine(GeneratedCode.Attribute);

        if (_task.IsStatic)
        {
            // The handle lives in a static field of its own type, made when that type is first used: a static initializer
            // of the user's class (static readonly Graph Shared = Build();) can use it whatever the order of the fields.
            _writer.WriteLine(_task.Accessibility + " static " + _task.HandleName + " " + _task.PropertyName + " => " + _task.HandleName + "." + GeneratedNames.HandleInstance + ";");
            return;
        }

        WriteOptions(_task.Accessibility + " " + _task.HandleName + " " + _task.PropertyName + " => " + _task.FieldName + " ??= new(this, ", ");");
        _writer.WriteLine();
        _writer.WriteLine("private " + _task.HandleName + "? " + _task.FieldName + ";");
    }

    /// <summary>Writes <paramref name="head"/>, then the task's declared options (or the defaults), then <paramref name="tail"/>.</summary>
    private void WriteOptions(string head, string tail)
    {
        if (_task.Options.IsEmpty)
        {
            _writer.WriteLine(head + "global::Flux.TaskOptions.Default" + tail);
            return;
        }

        _writer.WriteLine(head + "new global::Flux.TaskOptions");
        _writer.OpenBlock();
        foreach (var option in _task.Options)
        {
            _writer.WriteLine(option.Property + " = " + option.Value + "," + (option.Comment is null ? string.Empty : " // " + option.Comment));
        }

        _writer.CloseBlock(tail);
    }

    private void WriteHandle()
    {
        _writer.WriteLine("/// <summary>");
        _writer.WriteLine("/// The handle of the Flux task <c>" + GeneratedCode.Xml(_task.RuntimeName) + "</c>, which runs <see cref=\"" + Cref + "\"/> with the task's options,");
        _writer.WriteLine("/// events and replay. Reach it through <see cref=\"" + _task.PropertyName + "\"/>.");
        _writer.WriteLine("/// </summary>");
        _writer.WriteLine(GeneratedCode.Attribute);
        _writer.WriteLine(_task.Accessibility + " sealed class " + _task.HandleName + " : global::Flux.TaskHandle<" + _arguments + ", " + _result + ">");
        _writer.OpenBlock();

        _writer.WriteLine(_values.Count == 0
            ? "private static readonly global::System.Type[] s_parameterTypes = global::System.Array.Empty<global::System.Type>();"
            : "private static readonly global::System.Type[] s_parameterTypes = { " + string.Join(", ", _values.Select(p => "typeof(" + p.TypeOf + ")")) + " };");
        if (!_task.IsStatic)
        {
            _writer.WriteLine("private readonly " + _task.Type.FullyQualifiedName + " _target;");
        }
        else
        {
            _writer.WriteLine();
            _writer.WriteLine("/// <summary>The handle <see cref=\"" + _task.PropertyName + "\"/> returns, made when this type is first used.</summary>");
            _writer.WriteLine(GeneratedCode.HiddenFromIntelliSense);
            WriteOptions("internal static readonly " + _task.HandleName + " " + GeneratedNames.HandleInstance + " = new(", ");");
        }

        _writer.WriteLine();
        WriteConstructor();
        _writer.WriteLine();
        _writer.WriteLine("/// <inheritdoc/>");
        _writer.WriteLine("public override global::System.Collections.Generic.IReadOnlyList<global::System.Type> ParameterTypes => s_parameterTypes;");
        if (IsSynchronous)
        {
            _writer.WriteLine();
            _writer.WriteLine("/// <inheritdoc/>");
            _writer.WriteLine("public override bool IsSynchronous => true;");
        }

        if (_task.Fallback is not null)
        {
            _writer.WriteLine();
            _writer.WriteLine("/// <inheritdoc/>");
            _writer.WriteLine("protected override bool HasFallback => true;");
        }

        if (_task.Rollback is not null)
        {
            _writer.WriteLine();
            _writer.WriteLine("/// <inheritdoc/>");
            _writer.WriteLine("protected override bool HasRollback => true;");
        }

        _writer.WriteLine();
        WriteCall();
        WriteMaps();
        _writer.WriteLine();
        _writer.WriteLine("/// <summary>A handle of the same task that runs with <paramref name=\"options\"/> instead of its declared options.</summary>");
        _writer.WriteLine("public " + _task.HandleName + " WithOptions(global::Flux.TaskOptions options) => new(" + (_task.IsStatic ? string.Empty : "_target, ") + "options);");
        _writer.WriteLine();
        WriteInvoke();
        WriteFallback();
        WriteRollback();
        _writer.WriteLine();
        WriteFingerprint();
        _writer.WriteLine();
        WriteConvertArguments();
        _writer.CloseBlock();
    }

    private void WriteConstructor()
    {
        _writer.WriteLine("/// <summary>Creates the handle with the options it runs with.</summary>");
        _writer.WriteLine(GeneratedCode.HiddenFromIntelliSense);
        if (_task.IsStatic)
        {
            _writer.WriteLine("internal " + _task.HandleName + "(global::Flux.TaskOptions options)");
            _writer.WriteLine("    : base(" + GeneratedCode.Literal(_task.RuntimeName) + ", options)");
            _writer.OpenBlock();
            _writer.CloseBlock();
        }
        else
        {
            _writer.WriteLine("internal " + _task.HandleName + "(" + _task.Type.FullyQualifiedName + " target, global::Flux.TaskOptions options)");
            _writer.WriteLine("    : base(" + GeneratedCode.Literal(_task.RuntimeName) + ", options, target)");
            _writer.OpenBlock();
            _writer.WriteLine("_target = target;");
            _writer.CloseBlock();
        }
    }

    /// <summary>The argument list of a call of the task method, from <c>TArguments</c> and a token.</summary>
    private string TaskArguments(string arguments, string token) =>
        string.Join(", ", _task.Parameters.Select(p => p.IsCancellationToken ? token : Element(arguments, p)));

    private string Element(string arguments, ParameterModel parameter) =>
        _values.Count == 1 ? arguments : arguments + "." + parameter.TupleElement;

    /// <summary>The argument list of a call of a fallback or rollback, which may take the token at another position or not at all.</summary>
    private string CompanionArguments(CompanionModel companion)
    {
        var list = _values.Select(p => Element("arguments", p)).ToList();
        if (companion.TokenIndex >= 0)
        {
            list.Insert(companion.TokenIndex, "cancellationToken");
        }

        return string.Join(", ", list);
    }

    private string CompanionInvocation(CompanionModel companion) =>
        (companion.IsStatic ? _task.Type.FullyQualifiedName : "_target") + "." + companion.MethodName + "(" + CompanionArguments(companion) + ")";

    private string Signature(string returns, string method, bool isAsync = false) =>
        "protected override " + (isAsync ? "async " : string.Empty) + returns + " " + method + "(" + _arguments + " arguments, " + KnownTypes.CancellationToken + " cancellationToken)";

    private void WriteInvoke()
    {
        _writer.WriteLine("/// <inheritdoc/>");
        _writer.WriteLine(Signature(KnownTypes.ValueTask + "<" + _result + ">", "InvokeAsync") + " =>");
        var hasToken = _task.Parameters.Any(p => p.IsCancellationToken);
        var call = _target + "." + _task.MethodName;
        string body;
        if (IsSynchronous)
        {
            // A synchronous body runs on the thread pool, so that CPU-bound tasks run in parallel.
            var args = _values.Count == 0 ? "_" : "args";
            var lambdaParameters = hasToken ? "(" + args + ", token)" : args;
            var invocation = call + "(" + TaskArguments("args", "token") + ")";
            var lambdaBody = _task.Body == BodyKind.Void
                ? "{ " + invocation + "; return default(" + KnownTypes.ValueTuple + "); }"
                : invocation;
            body = "RunOnThreadPool(" + (_task.IsStatic ? "static " : string.Empty) + lambdaParameters + " => " + lambdaBody + ", arguments, cancellationToken)";
        }
        else
        {
            var invocation = call + "(" + TaskArguments("arguments", "cancellationToken") + ")";
            body = _task.Body switch
            {
                BodyKind.TaskOfT => "new(" + invocation + ")",
                BodyKind.ValueTaskOfT => invocation,
                _ => "NoResult(" + invocation + ")",
            };
        }

        _writer.WriteLine("    " + body + ";");
    }

    private void WriteFallback()
    {
        if (_task.Fallback is not { } fallback)
        {
            return;
        }

        var invocation = CompanionInvocation(fallback);
        var returns = KnownTypes.ValueTask + "<" + _result + ">";
        _writer.WriteLine();
        _writer.WriteLine("/// <inheritdoc/>");
        if (fallback.NeedsConversion && fallback.Body is BodyKind.TaskOfT or BodyKind.ValueTaskOfT)
        {
            _writer.WriteLine(Signature(returns, "InvokeFallbackAsync", isAsync: true) + " =>");
            _writer.WriteLine("    await " + invocation + ".ConfigureAwait(false);");
            return;
        }

        if (fallback.Body == BodyKind.Void)
        {
            // A synchronous fallback runs inline: it is the cheap way out, not more work for the pool.
            _writer.WriteLine(Signature(returns, "InvokeFallbackAsync"));
            _writer.OpenBlock();
            _writer.WriteLine(invocation + ";");
            _writer.WriteLine("return new(default(" + KnownTypes.ValueTuple + "));");
            _writer.CloseBlock();
            return;
        }

        _writer.WriteLine(Signature(returns, "InvokeFallbackAsync") + " =>");
        _writer.WriteLine("    " + fallback.Body switch
        {
            BodyKind.Value or BodyKind.TaskOfT => "new(" + invocation + ")",
            BodyKind.ValueTaskOfT => invocation,
            _ => "NoResult(" + invocation + ")",
        } + ";");
    }

    private void WriteRollback()
    {
        if (_task.Rollback is not { } rollback)
        {
            return;
        }

        var invocation = CompanionInvocation(rollback);
        _writer.WriteLine();
        _writer.WriteLine("/// <inheritdoc/>");
        if (rollback.Body is BodyKind.Value or BodyKind.Void)
        {
            // A synchronous rollback runs inline; its result, if any, is ignored.
            _writer.WriteLine(Signature(KnownTypes.ValueTask, "InvokeRollbackAsync"));
            _writer.OpenBlock();
            _writer.WriteLine(invocation + ";");
            _writer.WriteLine("return default;");
            _writer.CloseBlock();
            return;
        }

        _writer.WriteLine(Signature(KnownTypes.ValueTask, "InvokeRollbackAsync") + " =>");
        _writer.WriteLine("    " + rollback.Body switch
        {
            BodyKind.ValueTask => invocation,
            BodyKind.ValueTaskOfT => "new(" + invocation + ".AsTask())",
            _ => "new(" + invocation + ")",
        } + ";");
    }

    private static string Unique(HashSet<string> taken, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }

        var last = candidates[candidates.Length - 1];
        for (var n = 2; ; n++)
        {
            var candidate = last + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
