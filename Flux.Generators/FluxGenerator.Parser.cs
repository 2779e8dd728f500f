using Flux.Shared.Options;
using Flux.Shared.Graphs.Validation;
using Flux.Shared.Graphs;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Flux.Generators.Helpers;
using Flux.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flux.Generators;

/// <summary>Turns the symbols of <c>[Task]</c> and <c>[Workflow]</c> methods into equatable models, or skips them.</summary>
/// <remarks>
/// Every check here that returns null has a diagnostic in Flux.Analyzers (FLUX101-FLUX107) that explains it; the
/// generator stays silent so that it never emits code that does not compile.
/// </remarks>
public sealed partial class FluxGenerator
{
    internal static partial class Parser
    {
        private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat s_namespaceFormat = new(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        /// <summary>Tuple element names the compiler reserves (CS8126).</summary>
        private static readonly HashSet<string> s_reservedTupleNames = new(StringComparer.Ordinal)
        {
            "CompareTo", "Deconstruct", "Equals", "GetHashCode", "Rest", "ToString",
        };

        public static TaskModel? ParseTask(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method
                || context.Attributes.IsEmpty
                || !IsWrappableMethod(method)
                || TryGetContainingType(method.ContainingType, cancellationToken) is not { } type)
            {
                return null;
            }

            var compilation = context.SemanticModel.Compilation;
            cancellationToken.ThrowIfCancellationRequested();

            // The result.
            BodyKind body;
            ITypeSymbol? resultType;
            if (method.ReturnsVoid)
            {
                if (method.IsAsync)
                {
                    return null; // async void: its completion cannot be observed.
                }

                body = BodyKind.Void;
                resultType = null;
            }
            else
            {
                (body, resultType) = Classify(method.ReturnType);
                if (resultType is not null && IsUnstorable(resultType))
                {
                    return null;
                }
            }

            // The parameters.
            var parameters = new List<ParameterModel>(method.Parameters.Length);
            var valueParameters = new List<IParameterSymbol>(method.Parameters.Length);
            var tokens = 0;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.IsParams || IsUnstorable(parameter.Type))
                {
                    return null;
                }

                var isToken = IsCancellationToken(parameter.Type);
                if (isToken && ++tokens > 1)
                {
                    return null;
                }

                if (!isToken)
                {
                    valueParameters.Add(parameter);
                }

                parameters.Add(new ParameterModel(
                    FluxNaming.Escape(parameter.Name),
                    parameter.Type.ToDisplayString(s_typeFormat),
                    TypeText(parameter.Type, cref: false),
                    TypeText(parameter.Type, cref: true),
                    parameter.HasExplicitDefaultValue ? DefaultValueText(parameter) : null,
                    isToken,
                    string.Empty,
                    false));
            }

            // Tuple element names: the parameter's own name unless the compiler reserves it at that position.
            var position = 0;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i].IsCancellationToken)
                {
                    continue;
                }

                position++;
                var name = method.Parameters[i].Name;
                var usable = !s_reservedTupleNames.Contains(name) && !IsOtherItemName(name, position);
                parameters[i] = parameters[i] with
                {
                    TupleElement = usable ? parameters[i].Name : "Item" + position.ToString(CultureInfo.InvariantCulture),
                    IsNamedTupleElement = usable,
                };
            }

            // The names: the attribute's Name changes only the runtime name.
            var baseName = FluxNaming.BaseName(method.Name);
            var propertyName = baseName + "Task";
            var handleName = baseName + "TaskHandle";
            var generatedNames = method.IsStatic
                ? new[] { propertyName, handleName }
                : new[] { propertyName, handleName, FluxNaming.FieldName(propertyName) };
            if (generatedNames.Any(name => IsTaken(method.ContainingType, name)))
            {
                return null;
            }

            var attribute = context.Attributes[0];
            var runtimeName = baseName;
            string? fallbackName = null;
            string? rollbackName = null;
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Name" when argument.Value.Value is string name && !string.IsNullOrWhiteSpace(name):
                        runtimeName = name;
                        break;
                    case "Fallback" when argument.Value.Value is string name:
                        fallbackName = name;
                        break;
                    case "Rollback" when argument.Value.Value is string name:
                        rollbackName = name;
                        break;
                }
            }

            var resultTypeText = resultType is null ? KnownNames.ValueTuple : resultType.ToDisplayString(s_typeFormat);
            var fallback = fallbackName is null
                ? null
                : ResolveCompanion(method, fallbackName, valueParameters, resultType, isFallback: true, compilation);
            var rollback = rollbackName is null
                ? null
                : ResolveCompanion(method, rollbackName, valueParameters, resultType, isFallback: false, compilation);

            var signatureTypes = valueParameters.Select(p => p.Type).ToList();
            if (resultType is not null)
            {
                signatureTypes.Add(resultType);
            }

            var accessibility = TypeAccess.Narrowest(signatureTypes);
            var entry = new CatalogEntry(
                FluxKind.Task,
                type.FullyQualifiedName,
                runtimeName,
                new EquatableArray<string>(generatedNames),
                type.FullyQualifiedName + "." + propertyName,
                method.IsStatic && type.IsReachableFromCatalog && accessibility != "private");

            return new TaskModel(
                type,
                FluxNaming.Escape(method.Name),
                baseName,
                runtimeName,
                method.IsStatic,
                accessibility,
                new EquatableArray<ParameterModel>(parameters.ToArray()),
                body,
                resultTypeText,
                ParseOptions(attribute),
                fallback,
                rollback,
                MethodCref(method),
                entry);
        }

        /// <param name="context">The attributed method.</param>
        /// <param name="cancellationToken">Cancels the parse.</param>
        /// <param name="declarative">True to accept only bodiless partial declarations (declarative graphs, which only need a catalog
        /// entry here), false to accept only methods with a body.</param>
        public static WorkflowModel? ParseWorkflow(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken, bool declarative = false)
        {
            if (context.TargetSymbol is not IMethodSymbol method
                || context.Attributes.IsEmpty
                || !IsWrappableMethod(method))
            {
                return null;
            }

            // A partial declaration with no body is a declarative graph: Graphs/ generates it, not this pipeline.
            if ((method.IsPartialDefinition && method.PartialImplementationPart is null) != declarative)
            {
                return null;
            }

            if (TryGetContainingType(method.ContainingType, cancellationToken) is not { } type
                || method.Parameters.Length != 1
                || method.Parameters[0] is not { RefKind: RefKind.None, IsParams: false, Type: INamedTypeSymbol contextType }
                || !IsExecutionContext(contextType)
                || method.ReturnsVoid)
            {
                return null;
            }

            var (body, output) = Classify(method.ReturnType);
            if (output is null || body is not (BodyKind.Value or BodyKind.TaskOfT or BodyKind.ValueTaskOfT) || IsUnstorable(output))
            {
                return null;
            }

            var input = contextType.TypeArguments[0];
            var baseName = FluxNaming.BaseName(method.Name);
            var propertyName = baseName + "Workflow";
            var generatedNames = method.IsStatic ? new[] { propertyName } : new[] { propertyName, FluxNaming.FieldName(propertyName) };
            if (generatedNames.Any(name => IsTaken(method.ContainingType, name)))
            {
                return null;
            }

            var runtimeName = baseName;
            foreach (var argument in context.Attributes[0].NamedArguments)
            {
                if (argument.Key == "Name" && argument.Value.Value is string name && !string.IsNullOrWhiteSpace(name))
                {
                    runtimeName = name;
                }
            }

            var accessibility = TypeAccess.Narrowest(new[] { input, output });
            var entry = new CatalogEntry(
                FluxKind.Workflow,
                type.FullyQualifiedName,
                runtimeName,
                new EquatableArray<string>(generatedNames),
                type.FullyQualifiedName + "." + propertyName,
                method.IsStatic && type.IsReachableFromCatalog && accessibility != "private");

            return new WorkflowModel(
                type,
                FluxNaming.Escape(method.Name),
                baseName,
                runtimeName,
                method.IsStatic,
                accessibility,
                input.ToDisplayString(s_typeFormat),
                output.ToDisplayString(s_typeFormat),
                body,
                AcceptsNull(input),
                MethodCref(method),
                entry,
                IsTaken(method.ContainingType, baseName + "Diagram") ? null : FluentDiagram(context, method, cancellationToken));
        }

        /// <summary>
        /// The Mermaid text of the one fluent graph the workflow's body builds as a single chain
        /// (<c>new Graph("...").AddNode(...)....RunAsync(...)</c>, or <c>.Build()</c>, <c>.ToMermaid()</c>), when every name in it
        /// is a compile-time constant and it breaks no structural rule; null otherwise. The chain is read from syntax and
        /// constants, not from the analyzer's operations: the task handles the chain names are generated, so they do not
        /// bind in the compilation a generator sees. Only the workflow's own body is read, so an edit elsewhere leaves the
        /// model, and the generated file, unchanged.
        /// </summary>
        /// <remarks>
        /// This runs inside the <c>ForAttributeWithMetadataName</c> transform, which Roslyn runs again for every workflow
        /// whenever the compilation changes (every keystroke), so it must not bind the body: asking the semantic model about
        /// a node inside a body binds the whole body and runs its nullable analysis. <see cref="BodyConstants"/> reads
        /// literals and <c>nameof</c> from syntax and binds type and constant names speculatively at the method's name,
        /// outside the body, which costs a lookup; only what it cannot decide that way falls back to the semantic model.
        /// </remarks>
        private static string? FluentDiagram(GeneratorAttributeSyntaxContext context, IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (context.TargetNode is not MethodDeclarationSyntax declaration
                || ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body)
            {
                return null;
            }

            BodyConstants? constants = null;
            string? diagram = null;
            foreach (var node in body.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node is not ObjectCreationExpressionSyntax creation)
                {
                    continue;
                }

                constants ??= BodyConstants.Create(context.SemanticModel, declaration, body, method, cancellationToken);
                if (constants is null)
                {
                    return null; // No Flux.Graph in this compilation.
                }

                if (!constants.IsGraph(creation))
                {
                    continue;
                }

                if (diagram is not null || ReadChain(constants, creation) is not { } shape
                    || GraphValidation.Validate(shape, static (_, _) => true, static t => t.Name).Count > 0)
                {
                    // Several graphs, or one that is not known at compile time or is invalid: no single diagram to show.
                    return null;
                }

                diagram = GraphMermaid.Write(shape);
            }

            return diagram;
        }

        private static GraphShape<ITypeSymbol>? ReadChain(BodyConstants constants, ObjectCreationExpressionSyntax creation)
        {
            string? Constant(ExpressionSyntax? expression) => expression is null ? null : constants.StringValue(expression);

            ExpressionSyntax? Argument(InvocationExpressionSyntax call, int position, string name)
            {
                var arguments = call.ArgumentList.Arguments;
                foreach (var argument in arguments)
                {
                    if (argument.NameColon?.Name.Identifier.ValueText == name)
                    {
                        return argument.Expression;
                    }
                }

                return position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
            }

            if (creation.ArgumentList is not { Arguments.Count: 1 } || Constant(creation.ArgumentList.Arguments[0].Expression) is not { } name)
            {
                return null;
            }

            var nodes = new List<GraphNodeShape<ITypeSymbol>>();
            var edges = new List<GraphEdgeShape<ITypeSymbol>>();
            var starts = new List<string>();
            var ends = new List<string>();
            SyntaxNode current = creation;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax call)
            {
                switch (access.Name.Identifier.ValueText)
                {
                    case "AddNode" when Constant(Argument(call, 0, "name")) is { } node:
                        nodes.Add(new GraphNodeShape<ITypeSymbol>(node, null, null));
                        break;
                    case "AddEdge" when Constant(Argument(call, 0, "from")) is { } from && Constant(Argument(call, 1, "to")) is { } to:
                        var when = Argument(call, 2, "when");
                        var description = Argument(call, 3, "description") is { } given ? Constant(given) : null;
                        edges.Add(new GraphEdgeShape<ITypeSymbol>(from, to, when is not null, null, description ?? when?.ToString()));
                        break;
                    case "StartWith" when Constant(Argument(call, 0, "node")) is { } start:
                        starts.Add(start);
                        break;
                    case "EndWith" when Constant(Argument(call, 0, "node")) is { } end:
                        ends.Add(end);
                        break;
                    case "RunAsync":
                    case "Build":
                    case "ToMermaid":
                        return new GraphShape<ITypeSymbol>(name, nodes, edges, starts, ends);
                    default:
                        return null;
                }

                current = call;
            }

            // The chain does not end in a run or a build here (built statement by statement, or passed on): not read.
            return null;
        }

        /// <summary>
        /// The containing type as the generated file re-declares it, or null when the generator cannot add to it:
        /// it is not a class, it or a containing type is not partial, or it is file-local.
        /// </summary>
        /// <remarks>Public to the generator so that other pipelines (declarative graphs) re-declare types the same way.</remarks>
        public static ContainingTypeModel? TryGetContainingType(INamedTypeSymbol? type, CancellationToken cancellationToken)
        {
            if (type is null || type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            var declarations = new List<TypeDeclarationModel>();
            var hint = new List<string>();
            var reachable = true;
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (current.IsFileLocal || current.IsRefLikeType || GetKeyword(current, cancellationToken) is not { } keyword)
                {
                    return null;
                }

                var name = FluxNaming.Escape(current.Name);
                if (current.TypeParameters.Length > 0)
                {
                    name += "<" + string.Join(", ", current.TypeParameters.Select(p => FluxNaming.Escape(p.Name))) + ">";
                    reachable = false;
                }

                reachable &= current.DeclaredAccessibility is Microsoft.CodeAnalysis.Accessibility.Public
                    or Microsoft.CodeAnalysis.Accessibility.Internal or Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal;
                declarations.Insert(0, new TypeDeclarationModel(keyword, name, current.IsStatic));
                hint.Insert(0, current.TypeParameters.Length > 0
                    ? current.Name + "_" + current.TypeParameters.Length.ToString(CultureInfo.InvariantCulture)
                    : current.Name);
            }

            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing
                ? containing.ToDisplayString(s_namespaceFormat)
                : string.Empty;
            if (ns.Length > 0)
            {
                hint.Insert(0, type.ContainingNamespace!.ToDisplayString());
            }

            return new ContainingTypeModel(
                ns,
                new EquatableArray<TypeDeclarationModel>(declarations.ToArray()),
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                string.Join(".", hint),
                reachable);
        }

        private static bool IsWrappableMethod(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Ordinary
            && !method.IsGenericMethod
            && !method.IsVararg
            && !method.ReturnsByRef
            && !method.ReturnsByRefReadonly
            && !HasErrorType(method.ReturnType)
            && !method.Parameters.Any(p => HasErrorType(p.Type));

        /// <summary>True when a type does not bind (the user's code has an error the compiler reports): generating against it would add errors.</summary>
        private static bool HasErrorType(ITypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Error } => true,
            IArrayTypeSymbol array => HasErrorType(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.Any(HasErrorType),
            _ => false,
        };

        /// <summary>The keyword of a partial type declaration, or null when a declaration of the type is not partial.</summary>
        private static string? GetKeyword(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            string? keyword = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                    || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return null;
                }

                keyword ??= declaration is RecordDeclarationSyntax record
                    ? record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record"
                    : declaration.Keyword.ValueText;
            }

            return keyword;
        }

        /// <summary>True when the containing type already has a member (or is itself) named <paramref name="name"/>.</summary>
        private static bool IsTaken(INamedTypeSymbol type, string name)
        {
            if (type.Name == name || type.TypeParameters.Any(p => p.Name == name))
            {
                return true;
            }

            if (type.GetMembers(name).Any(member => !member.IsImplicitlyDeclared))
            {
                return true;
            }

            for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
            {
                if (baseType.GetMembers(name).Any(member => member.DeclaredAccessibility != Microsoft.CodeAnalysis.Accessibility.Private && !member.IsImplicitlyDeclared))
                {
                    return true;
                }
            }

            return false;
        }

        private static (BodyKind Body, ITypeSymbol? Result) Classify(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && IsTasksType(named))
            {
                return (named.Name, named.Arity) switch
                {
                    ("Task", 0) => (BodyKind.Task, null),
                    ("ValueTask", 0) => (BodyKind.ValueTask, null),
                    ("Task", 1) => (BodyKind.TaskOfT, named.TypeArguments[0]),
                    _ => (BodyKind.ValueTaskOfT, named.TypeArguments[0]),
                };
            }

            return (BodyKind.Value, type);
        }

        private static bool IsTasksType(INamedTypeSymbol type) =>
            type.Name is "Task" or "ValueTask"
            && type.Arity <= 1
            && type.ContainingType is null
            && type.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "CancellationToken", Arity: 0, ContainingType: null, IsValueType: true } named
            && named.ContainingNamespace is { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        private static bool IsExecutionContext(INamedTypeSymbol type) =>
            type is { Name: KnownNames.ExecutionContext, Arity: 1, ContainingType: null }
            && type.ContainingNamespace is { Name: KnownNames.FluxNamespace, ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>True for types a call cannot store or an event cannot record.</summary>
        private static bool IsUnstorable(ITypeSymbol type) =>
            type is IPointerTypeSymbol or IFunctionPointerTypeSymbol || type.IsRefLikeType;

        private static bool IsOtherItemName(string name, int position) =>
            name.StartsWith("Item", StringComparison.Ordinal)
            && int.TryParse(name.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var item)
            && item.ToString(CultureInfo.InvariantCulture) == name.Substring(4)
            && item != position;

        private static bool AcceptsNull(ITypeSymbol input) =>
            !(input.IsReferenceType && input.NullableAnnotation == NullableAnnotation.NotAnnotated);

        private static EquatableArray<OptionModel> ParseOptions(AttributeData attribute)
        {
            // Collected by name, then emitted in a fixed order, so argument order in the attribute does not matter.
            var values = new Dictionary<string, OptionModel>(StringComparer.Ordinal);
            foreach (var argument in attribute.NamedArguments)
            {
                var value = argument.Value.Value;
                switch (argument.Key)
                {
                    case "Retries" when value is int retries && retries >= 0:
                        values["Retries"] = new OptionModel("Retries", retries.ToString(CultureInfo.InvariantCulture), null);
                        break;
                    case "RetryBackoff" when value is double backoff && backoff >= 1:
                        values["RetryBackoff"] = new OptionModel("RetryBackoff", DoubleText(backoff), null);
                        break;
                    case "RetryJitter" or "Cache" when value is bool flag:
                        values[argument.Key] = new OptionModel(argument.Key, flag ? "true" : "false", null);
                        break;
                    case "RetryDelay" or "MaxRetryDelay" or "Timeout" when value is string text && DurationText.TryParse(text, out var duration):
                        values[argument.Key] = new OptionModel(
                            argument.Key,
                            "global::System.TimeSpan.FromTicks(" + duration.Ticks.ToString(CultureInfo.InvariantCulture) + ")",
                            text.Trim());
                        break;
                }
            }

            var ordered = new List<OptionModel>();
            foreach (var key in new[] { "Retries", "RetryDelay", "RetryBackoff", "MaxRetryDelay", "RetryJitter", "Timeout", "Cache" })
            {
                if (values.TryGetValue(key, out var option))
                {
                    ordered.Add(option);
                }
            }

            return new EquatableArray<OptionModel>(ordered.ToArray());
        }

        private static string DoubleText(double value) =>
            double.IsPositiveInfinity(value) ? "double.PositiveInfinity" : value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>
        /// Finds the fallback or rollback named <paramref name="name"/> in the task's class: non-generic, taking the task's
        /// parameters in order (with or without the cancellation token), static when the task is static, and for a
        /// fallback, returning something that converts to the task's result. Null when none fits (FLUX106).
        /// </summary>
        private static CompanionModel? ResolveCompanion(
            IMethodSymbol task,
            string name,
            List<IParameterSymbol> taskParameters,
            ITypeSymbol? taskResult,
            bool isFallback,
            Compilation compilation)
        {
            foreach (var member in task.ContainingType.GetMembers(name))
            {
                if (member is not IMethodSymbol candidate
                    || SymbolEqualityComparer.Default.Equals(candidate, task)
                    || !IsWrappableMethod(candidate)
                    || (task.IsStatic && !candidate.IsStatic)
                    || (candidate.IsAsync && candidate.ReturnsVoid)
                    || !ParametersFit(candidate, taskParameters, out var tokenIndex))
                {
                    continue;
                }

                var (body, result) = candidate.ReturnsVoid ? (BodyKind.Void, null) : Classify(candidate.ReturnType);
                var needsConversion = false;
                if (isFallback)
                {
                    if (taskResult is null)
                    {
                        if (body is not (BodyKind.Void or BodyKind.Task or BodyKind.ValueTask))
                        {
                            continue;
                        }
                    }
                    else if (result is null || !ResultFits(result, taskResult, compilation, out needsConversion))
                    {
                        continue;
                    }
                }

                return new CompanionModel(FluxNaming.Escape(candidate.Name), candidate.IsStatic, body, tokenIndex, needsConversion);
            }

            return null;
        }

        private static bool ParametersFit(IMethodSymbol candidate, List<IParameterSymbol> taskParameters, out int tokenIndex)
        {
            tokenIndex = -1;
            var next = 0;
            for (var i = 0; i < candidate.Parameters.Length; i++)
            {
                var parameter = candidate.Parameters[i];
                if (parameter.RefKind != RefKind.None)
                {
                    return false;
                }

                if (IsCancellationToken(parameter.Type) && tokenIndex < 0
                    && (next >= taskParameters.Count || !IsCancellationToken(taskParameters[next].Type)))
                {
                    tokenIndex = i;
                    continue;
                }

                if (next >= taskParameters.Count || !ParameterFits(taskParameters[next].Type, parameter.Type))
                {
                    return false;
                }

                next++;
            }

            return next == taskParameters.Count;
        }

        /// <summary>The task's argument can be passed as the companion's parameter without a conversion or a nullability warning.</summary>
        private static bool ParameterFits(ITypeSymbol argument, ITypeSymbol parameter) =>
            SymbolEqualityComparer.Default.Equals(argument, parameter)
            && !(argument.IsReferenceType
                && argument.NullableAnnotation == NullableAnnotation.Annotated
                && parameter.NullableAnnotation == NullableAnnotation.NotAnnotated);

        private static bool ResultFits(ITypeSymbol result, ITypeSymbol taskResult, Compilation compilation, out bool needsConversion)
        {
            needsConversion = false;
            var nullabilityFits = !(result.IsReferenceType
                && result.NullableAnnotation == NullableAnnotation.Annotated
                && taskResult.NullableAnnotation == NullableAnnotation.NotAnnotated);
            if (!nullabilityFits)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(result, taskResult))
            {
                return true;
            }

            var conversion = compilation.ClassifyConversion(result, taskResult);
            needsConversion = true;
            return conversion.Exists && conversion.IsImplicit;
        }

        /// <summary>
        /// A type as C# text without nullable reference annotations or tuple element names: for <c>typeof</c>, and with
        /// braces instead of angle brackets for a doc-comment <c>cref</c>.
        /// </summary>
        private static string TypeText(ITypeSymbol type, bool cref)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return TypeText(array.ElementType, cref) + "[" + new string(',', array.Rank - 1) + "]";
                case ITypeParameterSymbol parameter:
                    return FluxNaming.Escape(parameter.Name);
                case IDynamicTypeSymbol:
                    return "object";
                case INamedTypeSymbol named:
                    if (named.IsTupleType && named.TupleUnderlyingType is { } underlying && !SymbolEqualityComparer.Default.Equals(underlying, named))
                    {
                        return TypeText(underlying, cref);
                    }

                    if (named.SpecialType != SpecialType.None && named.TypeArguments.IsEmpty)
                    {
                        return named.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                    }

                    var builder = new StringBuilder();
                    if (named.ContainingType is { } outer)
                    {
                        builder.Append(TypeText(outer, cref)).Append('.');
                    }
                    else
                    {
                        builder.Append("global::");
                        if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
                        {
                            builder.Append(ns.ToDisplayString(s_namespaceFormat)).Append('.');
                        }
                    }

                    builder.Append(FluxNaming.Escape(named.Name));
                    if (!named.TypeArguments.IsEmpty)
                    {
                        builder.Append(cref ? '{' : '<');
                        builder.Append(string.Join(", ", named.TypeArguments.Select(argument => TypeText(argument, cref))));
                        builder.Append(cref ? '}' : '>');
                    }

                    return builder.ToString();
                default:
                    return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            }
        }

        private static string MethodCref(IMethodSymbol method) =>
            FluxNaming.Escape(method.Name) + "(" + string.Join(", ", method.Parameters.Select(p => TypeText(p.Type, cref: true))) + ")";

        /// <summary>A parameter's default value as C# text that compiles without the user's usings.</summary>
        private static string DefaultValueText(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            var type = parameter.Type;
            if (value is null)
            {
                return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? "null" : "default";
            }

            var underlying = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                ? ((INamedTypeSymbol)type).TypeArguments[0]
                : type;
            if (underlying.TypeKind == TypeKind.Enum)
            {
                var enumType = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                foreach (var member in underlying.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                    {
                        return enumType + "." + FluxNaming.Escape(field.Name);
                    }
                }

                return "(" + enumType + ")(" + Literal(value) + ")";
            }

            return Literal(value);
        }

        private static string Literal(object value) => value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool flag => flag ? "true" : "false",
            float f when float.IsNaN(f) => "float.NaN",
            float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
            float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d when double.IsNaN(d) => "double.NaN",
            double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
            uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
            int i => i.ToString(CultureInfo.InvariantCulture),
            short s => "(short)" + s.ToString(CultureInfo.InvariantCulture),
            ushort us => "(ushort)" + us.ToString(CultureInfo.InvariantCulture),
            byte b => "(byte)" + b.ToString(CultureInfo.InvariantCulture),
            sbyte sb => "(sbyte)(" + sb.ToString(CultureInfo.InvariantCulture) + ")",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
        };
    }
}
