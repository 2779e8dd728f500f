using System.Collections.Immutable;
using Flux.Shared.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static Flux.Shared.Diagnostics.DiagnosticProperties;

namespace Flux.Analyzers;

/// <summary>
/// FLUX201-FLUX207: what makes a workflow body take another path when its execution is replayed: the clock, random
/// Guids and numbers, unrecorded waits, concurrency outside Flux's patterns, I/O, and mutable static state of the
/// user's types. Only a <c>[Workflow]</c> body is checked (its lambdas and local functions, and the arguments of the
/// task calls it makes, included); a <c>[Task]</c> body may do anything, since its result is recorded.
/// </summary>
/// <remarks>
/// One analyzer for the seven rules: whether a body is a workflow's is decided once per body, the BCL types once per
/// compilation (<see cref="DeterminismTypes"/>), and each operation is matched by its symbol's containing type.
/// The diagnostics that have a <c>Workflow.*</c> equivalent carry <see cref="DiagnosticProperties.DeterminismFix"/> for the code fix.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeterminismAnalyzer : FluxAnalyzer
{
    private const string UseNow = "use 'await Workflow.Now()', which records the time once and replays it";
    private const string UseNowForDurations = "measure durations in a task, or subtract two 'await Workflow.Now()' values";
    private const string UsePatterns = "run the calls with Workflow.Parallel or a handle's Map, or move the work into a task";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Supported(
        FluxDiagnostics.WorkflowReadsClock,
        FluxDiagnostics.WorkflowNewGuid,
        FluxDiagnostics.WorkflowRandom,
        FluxDiagnostics.WorkflowDelay,
        FluxDiagnostics.WorkflowConcurrency,
        FluxDiagnostics.WorkflowIO,
        FluxDiagnostics.WorkflowStaticState);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownFluxTypes known)
    {
        if (known.WorkflowAttribute is not { } workflowAttribute)
        {
            return;
        }

        var types = new DeterminismTypes(context.Compilation, workflowAttribute.ContainingAssembly);
        context.RegisterOperationBlockStartAction(start =>
        {
            if (start.OwningSymbol is not IMethodSymbol workflow || !known.IsWorkflow(workflow))
            {
                return;
            }

            var body = new WorkflowBody(workflow, types);
            start.RegisterOperationAction(body.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(body.AnalyzePropertyReference, OperationKind.PropertyReference);
            start.RegisterOperationAction(body.AnalyzeFieldReference, OperationKind.FieldReference);
            start.RegisterOperationAction(body.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        });
    }

    /// <summary>The checks of one workflow body.</summary>
    private sealed class WorkflowBody
    {
        private readonly IMethodSymbol _workflow;
        private readonly DeterminismTypes _types;

        public WorkflowBody(IMethodSymbol workflow, DeterminismTypes types)
        {
            _workflow = workflow;
            _types = types;
        }

        public void AnalyzePropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            var type = property.ContainingType;
            if (DeterminismTypes.Is(type, _types.DateTime) && property.Name is "Now" or "UtcNow" or "Today")
            {
                var fix = property.Name switch { "Now" => FixLocalDateTime, "UtcNow" => FixUtcDateTime, _ => FixToday };
                Report(context, FluxDiagnostics.WorkflowReadsClock, fix, "DateTime." + property.Name, UseNow);
            }
            else if (DeterminismTypes.Is(type, _types.DateTimeOffset) && property.Name is "Now" or "UtcNow")
            {
                Report(context, FluxDiagnostics.WorkflowReadsClock, property.Name == "Now" ? FixNowLocal : FixNow, "DateTimeOffset." + property.Name, UseNow);
            }
            else if (DeterminismTypes.Is(type, _types.Environment) && property.Name is "TickCount" or "TickCount64")
            {
                Report(context, FluxDiagnostics.WorkflowReadsClock, null, "Environment." + property.Name, UseNowForDurations);
            }
            else if (DeterminismTypes.IsOrDerives(type, _types.TimeProvider) && property.IsStatic && property.Name == "System")
            {
                Report(context, FluxDiagnostics.WorkflowReadsClock, null, "TimeProvider.System", UseNow);
            }
            else if (DeterminismTypes.Is(type, _types.Random) && property.IsStatic && property.Name == "Shared")
            {
                Report(context, FluxDiagnostics.WorkflowRandom, ReceiverOfNextDouble(reference) ? FixRandom : null, "Random.Shared");
            }
            else if (DeterminismTypes.Is(type, _types.Console) && property.Name == "In")
            {
                Report(context, FluxDiagnostics.WorkflowIO, null, "Console.In");
            }
            else if (property.IsStatic && property.SetMethod is { IsInitOnly: false } && IsUserState(property))
            {
                Report(context, FluxDiagnostics.WorkflowStaticState, null, IsWritten(reference) ? "writes" : "reads", type.Name + "." + property.Name);
            }
        }

        public void AnalyzeFieldReference(OperationAnalysisContext context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            var field = reference.Field;
            if (field.IsStatic && !field.IsConst && !field.IsReadOnly && !field.IsImplicitlyDeclared && IsUserState(field))
            {
                Report(context, FluxDiagnostics.WorkflowStaticState, null, IsWritten(reference) ? "writes" : "reads", field.ContainingType.Name + "." + field.Name);
            }
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (DeterminismTypes.IsOrDerives(type, _types.Random) && creation.Arguments.Length == 0)
            {
                Report(context, FluxDiagnostics.WorkflowRandom, ReceiverOfNextDouble(creation) ? FixRandom : null, "new " + type!.Name + "()");
            }
            else if (DeterminismTypes.Is(type, _types.Stopwatch))
            {
                Report(context, FluxDiagnostics.WorkflowReadsClock, null, "new Stopwatch()", UseNowForDurations);
            }
            else if (DeterminismTypes.IsOrDerives(type, _types.Thread) || DeterminismTypes.Is(type, _types.Timer))
            {
                Report(context, FluxDiagnostics.WorkflowConcurrency, null, "new " + type!.Name + "(...)", UsePatterns);
            }
            else if ((DeterminismTypes.IsOrDerives(type, _types.FileStream) || DeterminismTypes.IsOrDerives(type, _types.StreamReader) || DeterminismTypes.IsOrDerives(type, _types.StreamWriter))
                && creation.Constructor is { Parameters.Length: > 0 } constructor
                && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                Report(context, FluxDiagnostics.WorkflowIO, null, "new " + type!.Name + "(path)");
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            var name = method.Name;
            if (DeterminismTypes.Is(type, _types.Guid) && method.IsStatic && name is "NewGuid" or "CreateVersion7")
            {
                Report(context, FluxDiagnostics.WorkflowNewGuid, name == "NewGuid" ? FixNewGuid : null);
            }
            else if (DeterminismTypes.Is(type, _types.Stopwatch) && method.IsStatic)
            {
                Report(context, FluxDiagnostics.WorkflowReadsClock, null, "Stopwatch." + name, UseNowForDurations);
            }
            else if ((DeterminismTypes.Is(type, _types.Task) && name == "Delay") || (DeterminismTypes.Is(type, _types.Thread) && name == "Sleep"))
            {
                Report(context, FluxDiagnostics.WorkflowDelay, SleepFix(invocation), type.Name + "." + name);
            }
            else if (DeterminismTypes.Is(type, _types.Task) && name is "WhenAll" or "WhenAny" or "WaitAll" or "WaitAny")
            {
                AnalyzeCombinator(context, invocation);
            }
            else if ((DeterminismTypes.Is(type, _types.Task) && name == "Run")
                || ((DeterminismTypes.Is(type, _types.TaskFactory) || DeterminismTypes.Is(type, _types.TaskFactoryOfT)) && name == "StartNew")
                || DeterminismTypes.Is(type, _types.Parallel)
                || DeterminismTypes.Is(type, _types.ThreadPool))
            {
                Report(context, FluxDiagnostics.WorkflowConcurrency, null, (DeterminismTypes.Is(type, _types.TaskFactoryOfT) ? "TaskFactory" : type.Name) + "." + name, UsePatterns);
            }
            else if (IsIO(type, method))
            {
                Report(context, FluxDiagnostics.WorkflowIO, null, type.Name + "." + name);
            }
        }

        /// <summary>Task.WhenAll/WhenAny/WaitAll/WaitAny: reported when one of the tasks plainly comes from outside Flux.</summary>
        private void AnalyzeCombinator(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var outside = false;
            var calls = 0;
            var values = 0;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind is ArgumentKind.ParamArray or ArgumentKind.ParamCollection)
                {
                    // params Task[] or params ReadOnlySpan<Task>: each task written in the call.
                    var elements = argument.Value switch
                    {
                        IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                        ICollectionExpressionOperation collection => collection.Elements,
                        _ => ImmutableArray<IOperation>.Empty,
                    };
                    foreach (var element in elements)
                    {
                        values++;
                        outside |= IsFromOutsideFlux(element, ref calls);
                    }
                }
                else if (!DeterminismTypes.Is(argument.Parameter?.Type, _types.TimeSpan) && argument.Parameter?.Type.SpecialType != SpecialType.System_Int32
                    && argument.Parameter?.Type.Name != "CancellationToken")
                {
                    values++;
                    outside |= IsFromOutsideFlux(argument.Value, ref calls);
                }
            }

            if (outside)
            {
                // Task.WhenAll<T> returns T[], as Workflow.Parallel does; the non-generic one mixes result types.
                var fix = invocation.TargetMethod is { Name: "WhenAll", IsGenericMethod: true } && calls == values && values > 0 ? FixParallel : null;
                Report(context, FluxDiagnostics.WorkflowConcurrency, fix, "Task." + invocation.TargetMethod.Name, UsePatterns);
            }
        }

        /// <summary>
        /// True when a task handed to Task.WhenAll plainly comes from outside Flux's patterns: a lambda, a new object, or
        /// a call of a method that is not Flux's (a call started with <c>RunAsync().AsTask()</c> is one, counted in
        /// <paramref name="calls"/> for the fix). A local, parameter or field is not judged: where it came from is not known here.
        /// </summary>
        private bool IsFromOutsideFlux(IOperation value, ref int calls)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            switch (value)
            {
                case IInvocationOperation invocation:
                    if (IsStartedTaskCall(invocation))
                    {
                        calls++;
                        return true;
                    }

                    return !_types.IsFluxMethod(invocation.TargetMethod);
                case IAnonymousFunctionOperation or IObjectCreationOperation or IDelegateCreationOperation:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary><c>call.RunAsync(...).AsTask()</c>, where <c>call</c> is a Flux <c>TaskCall&lt;T&gt;</c>.</summary>
        private bool IsStartedTaskCall(IInvocationOperation invocation) =>
            invocation.TargetMethod.Name == "AsTask"
            && DeterminismTypes.Is(invocation.TargetMethod.ContainingType, _types.ValueTaskOfT)
            && invocation.Instance is IInvocationOperation { TargetMethod.Name: "RunAsync" } run
            && _types.IsFluxMethod(run.TargetMethod)
            && run.Instance is not null;

        private bool IsIO(INamedTypeSymbol type, IMethodSymbol method) =>
            DeterminismTypes.Is(type, _types.File)
            || DeterminismTypes.Is(type, _types.Directory)
            || (DeterminismTypes.IsOrDerives(type, _types.FileSystemInfo) && !method.IsStatic && method.MethodKind == MethodKind.Ordinary)
            || DeterminismTypes.IsOrDerives(type, _types.HttpMessageInvoker)
            || DeterminismTypes.IsOrDerives(type, _types.Socket)
            || DeterminismTypes.IsOrDerives(type, _types.TcpClient)
            || DeterminismTypes.IsOrDerives(type, _types.UdpClient)
            || DeterminismTypes.IsOrDerives(type, _types.WebClient)
            || DeterminismTypes.IsOrDerives(type, _types.WebRequest)
            || (DeterminismTypes.Is(type, _types.Console) && method.Name is "ReadLine" or "Read" or "ReadKey" or "OpenStandardInput");

        /// <summary>A static field or settable static property declared in this compilation (the user's own state).</summary>
        private bool IsUserState(ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _types.Source)
            && member.ContainingType is { TypeKind: not TypeKind.Enum };

        /// <summary>
        /// The fix of <c>Task.Delay(d)</c> awaited, or of <c>Thread.Sleep(d)</c> as a statement, with one duration: a TimeSpan
        /// (<see cref="DiagnosticProperties.FixSleep"/>) or milliseconds (<see cref="DiagnosticProperties.FixSleepMilliseconds"/>).
        /// </summary>
        private string? SleepFix(IInvocationOperation invocation)
        {
            if (invocation.Arguments.Length != 1
                || !(invocation.Parent is IAwaitOperation || (invocation.Parent is IExpressionStatementOperation && invocation.TargetMethod.Name == "Sleep")))
            {
                return null;
            }

            var duration = invocation.Arguments[0].Parameter?.Type;
            return DeterminismTypes.Is(duration, _types.TimeSpan) ? FixSleep
                : duration?.SpecialType == SpecialType.System_Int32 ? FixSleepMilliseconds
                : null;
        }

        /// <summary>The receiver of <c>.NextDouble()</c>, which <c>await Workflow.Random()</c> replaces whole.</summary>
        private static bool ReceiverOfNextDouble(IOperation receiver) =>
            receiver.Parent is IInvocationOperation { TargetMethod.Name: "NextDouble", Arguments.Length: 0 } next
            && ReferenceEquals(next.Instance, receiver);

        private static bool IsWritten(IOperation reference) => reference.Parent switch
        {
            IAssignmentOperation assignment => ReferenceEquals(assignment.Target, reference),
            IIncrementOrDecrementOperation => true,
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
            _ => false,
        };

        private void Report(OperationAnalysisContext context, FluxDiagnostic entry, string? fix, params string[] arguments)
        {
            var all = new object[arguments.Length + 1];
            all[0] = _workflow.Name;
            for (var i = 0; i < arguments.Length; i++)
            {
                all[i + 1] = arguments[i];
            }

            var properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(DeterminismFix, fix);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Of(entry), context.Operation.Syntax.GetLocation(), properties, all));
        }
    }
}
