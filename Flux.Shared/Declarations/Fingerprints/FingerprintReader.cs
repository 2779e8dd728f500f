using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Flux.Shared.Declarations.Symbols;
using Flux.Shared.Declarations.Tasks;
using Microsoft.CodeAnalysis;
using static Flux.Shared.Declarations.Fingerprints.FingerprintTypes;

namespace Flux.Shared.Declarations.Fingerprints;

// Part of the task-signature reading (Flux.Shared/Declarations): the generator emits the encoders this reader plans and
// the analyzer reports the problems it finds (FLUX108), so the two cannot disagree about what has an exact fingerprint.

/// <summary>
/// Decides, for each parameter of a task, how its values are fingerprinted, or why they cannot be exactly: numbers,
/// strings, dates and enums by the runtime's writer; collections by their items (sets and dictionaries sorted); tuples,
/// pairs and nullables by their parts; records, classes and structs by their readable members, in ordinal order of their
/// names; <c>IStableHashable</c> types by their own encoding. See <c>docs/fingerprints.md</c>.
/// </summary>
internal static class FingerprintReader
{
    public const string StableHashableName = "Flux.IStableHashable";

    private const string StableHashableFix = "implement Flux.IStableHashable";

    /// <summary>
    /// The plan for the value parameters of a task whose signature <see cref="TaskSignatureReader"/> accepted (its
    /// <c>CancellationToken</c> is not one): a signature FLUX102 rejects has no fingerprint to plan.
    /// </summary>
    public static FingerprintPlan Read(TaskSignature signature, Compilation compilation, CancellationToken cancellationToken)
    {
        var method = signature.Method;
        var walker = new Walker(compilation, method.ContainingType, compilation.GetTypeByMetadataName(StableHashableName), cancellationToken);
        var parameters = new List<FingerprintParameter>(signature.Values.Count);
        var problems = new List<FingerprintProblem>();
        for (var i = 0; i < signature.ParameterTypes.Count; i++)
        {
            var type = signature.ParameterTypes[i];
            if (FluxSymbols.IsCancellationToken(type))
            {
                continue;
            }

            var key = walker.Visit(type);
            parameters.Add(new FingerprintParameter(key, IsDeclaredSequence(type)));
            if (walker.FindProblem(key, method.Parameters[i].Name) is { } reason)
            {
                problems.Add(new FingerprintProblem(i, Display(type), reason));
            }
        }

        return new FingerprintPlan(
            new EquatableArray<FingerprintParameter>(parameters.ToArray()),
            walker.Shapes(),
            new EquatableArray<FingerprintProblem>(problems.ToArray()));
    }

    /// <summary>Walks the types a parameter is made of, once each, recording a shape per type and why a type has no encoding.</summary>
    private sealed class Walker
    {
        private readonly Compilation _compilation;
        private readonly ISymbol _within;
        private readonly INamedTypeSymbol? _stableHashable;
        private readonly CancellationToken _cancellationToken;
        private readonly List<string> _order = new();
        private readonly Dictionary<string, FingerprintShape?> _shapes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Why, string Fix)> _unencodable = new(StringComparer.Ordinal);

        /// <summary>Non-generic sequences: their items are objects by declaration, which the runtime writes by their run-time type.</summary>
        private readonly HashSet<string> _untyped = new(StringComparer.Ordinal);

        public Walker(Compilation compilation, ISymbol within, INamedTypeSymbol? stableHashable, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _within = within;
            _stableHashable = stableHashable;
            _cancellationToken = cancellationToken;
        }

        public EquatableArray<FingerprintShape> Shapes() => new(_order.Select(key => _shapes[key]!).ToArray());

        /// <summary>The key of <paramref name="type"/>'s shape, reading the type (and what it is made of) the first time.</summary>
        public string Visit(ITypeSymbol type)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var key = Key(type);
            if (_shapes.ContainsKey(key))
            {
                return key;
            }

            _order.Add(key);
            _shapes[key] = null; // visiting: a type that contains itself refers to its own key
            _shapes[key] = Classify(type, key);
            return key;
        }

        /// <summary>The first part of <paramref name="root"/> (itself, a member, an item...) with no value encoding, as the message says it.</summary>
        public string? FindProblem(string root, string name)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            return Find(root, name);

            string? Find(string key, string path)
            {
                if (!visited.Add(key))
                {
                    return null;
                }

                if (_unencodable.TryGetValue(key, out var problem))
                {
                    return path == name
                        ? "it " + problem.Why + "; " + problem.Fix
                        : "'" + path + "' has type '" + _shapes[key]!.Display + "', which " + problem.Why + "; " + problem.Fix;
                }

                var shape = _shapes[key]!;
                switch (shape.Kind)
                {
                    case FingerprintKind.Object:
                        return shape.Members.Select(m => Find(m.Type, path + "." + m.Name)).FirstOrDefault(p => p is not null);
                    case FingerprintKind.Sequence or FingerprintKind.Set or FingerprintKind.Memory:
                        return _untyped.Contains(key) ? null : Find(shape.Elements[0], path + "[]");
                    case FingerprintKind.Dictionary:
                        return Find(shape.Elements[0], path + ".Keys[]") ?? Find(shape.Elements[1], path + ".Values[]");
                    case FingerprintKind.Pair:
                        return Find(shape.Elements[0], path + ".Key") ?? Find(shape.Elements[1], path + ".Value");
                    case FingerprintKind.Nullable:
                        return Find(shape.Elements[0], path + ".Value");
                    case FingerprintKind.Tuple:
                        return shape.Elements.Select((e, i) => Find(e, path + ".Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                            .FirstOrDefault(p => p is not null);
                    default:
                        return null;
                }
            }
        }

        private FingerprintShape Classify(ITypeSymbol type, string key)
        {
            var display = Display(type);
            FingerprintShape Shape(FingerprintKind kind, params string[] elements) =>
                new(key, display, kind, new EquatableArray<string>(elements), EquatableArray<FingerprintMember>.Empty, type.IsReferenceType, !type.IsReferenceType || type.IsSealed);

            FingerprintShape Unencodable(string why, string fix)
            {
                _unencodable[key] = (why, fix);
                return Shape(FingerprintKind.Dynamic);
            }

            switch (type)
            {
                case { TypeKind: TypeKind.Error }:
                    return Shape(FingerprintKind.Dynamic); // the compiler reports it
                case ITypeParameterSymbol parameter:
                    return Implements(parameter.ConstraintTypes, _stableHashable)
                        ? Shape(FingerprintKind.Stable)
                        : Unencodable(
                            "is a type parameter, so the type of its values is known only at run time",
                            "constrain it with 'where " + parameter.Name + " : Flux.IStableHashable' or use a concrete type");
                case IDynamicTypeSymbol:
                case { SpecialType: SpecialType.System_Object }:
                    return Unencodable(
                        "is '" + display + "', so the type of its values is known only at run time",
                        "declare the type of the values, or " + StableHashableFix + " on the types passed");
                case IPointerTypeSymbol or IFunctionPointerTypeSymbol or { IsRefLikeType: true }:
                    return Unencodable("is a pointer or a ref struct, which cannot be stored", "store the values it points to instead");
                case { TypeKind: TypeKind.Delegate }:
                    return Unencodable("is a delegate, which has no value to fingerprint", "pass the data instead of the code that computes it");
            }

            if (_stableHashable is not null && Implements(new[] { type }, _stableHashable))
            {
                return Shape(FingerprintKind.Stable);
            }

            if (IsScalar(type) || type.TypeKind == TypeKind.Enum)
            {
                return Shape(FingerprintKind.Scalar);
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.Rank == 1
                    ? Shape(FingerprintKind.Sequence, Visit(array.ElementType))
                    : Unencodable("is a multi-dimensional array", "pass a jagged array or a list of rows");
            }

            var named = (INamedTypeSymbol)type;
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                var underlying = Visit(named.TypeArguments[0]);
                return _shapes[underlying] is { Kind: FingerprintKind.Scalar } ? Shape(FingerprintKind.Scalar) : Shape(FingerprintKind.Nullable, underlying);
            }

            if (named.IsTupleType && named.TupleElements.Length >= 2)
            {
                return Shape(FingerprintKind.Tuple, named.TupleElements.Select(e => Visit(e.Type)).ToArray());
            }

            if (IsGeneric(named, "Tuple", 7, "System") is { } tupleArity && tupleArity >= 1 && tupleArity <= 7)
            {
                return Shape(FingerprintKind.Tuple, named.TypeArguments.Select(Visit).ToArray());
            }

            if (IsGeneric(named, "KeyValuePair", 2, "System", "Collections", "Generic") is not null)
            {
                return Shape(FingerprintKind.Pair, Visit(named.TypeArguments[0]), Visit(named.TypeArguments[1]));
            }

            if (IsGeneric(named, "Memory", 1, "System") is not null || IsGeneric(named, "ReadOnlyMemory", 1, "System") is not null)
            {
                return Shape(FingerprintKind.Memory, Visit(named.TypeArguments[0]));
            }

            if ((FindInterface(named, "IDictionary", 2) ?? FindInterface(named, "IReadOnlyDictionary", 2)) is { } dictionary)
            {
                return Shape(FingerprintKind.Dictionary, Visit(dictionary.TypeArguments[0]), Visit(dictionary.TypeArguments[1]));
            }

            if ((FindInterface(named, "ISet", 1) ?? FindInterface(named, "IReadOnlySet", 1)) is { } set)
            {
                return Shape(FingerprintKind.Set, Visit(set.TypeArguments[0]));
            }

            if (FindInterface(named, "IEnumerable", 1) is { } sequence)
            {
                var item = Visit(sequence.TypeArguments[0]);
                return IsDeclaredSequence(named) || FindInterface(named, "ICollection", 1) is not null || FindInterface(named, "IReadOnlyCollection", 1) is not null
                    ? Shape(FingerprintKind.Sequence, item)
                    : Lazy(Shape(FingerprintKind.Sequence, item));
            }

            if (IsNonGenericSequence(named, out var isCollection))
            {
                var item = Visit(_compilation.GetSpecialType(SpecialType.System_Object));
                _untyped.Add(key);
                return isCollection || IsDeclaredSequence(named) ? Shape(FingerprintKind.Sequence, item) : Lazy(Shape(FingerprintKind.Sequence, item));
            }

            if (named.TypeKind == TypeKind.Interface)
            {
                return Unencodable(
                    "is an interface, so its values are of types the generator does not see",
                    "declare the concrete type, or make the interface extend Flux.IStableHashable");
            }

            if (IsFramework(named))
            {
                return Unencodable(
                    "is a framework type with no value encoding",
                    "pass the values that identify it (strings, numbers, a record), or wrap it in a type that implements Flux.IStableHashable");
            }

            if (named.IsAbstract)
            {
                return Unencodable(
                    "is abstract, so its values are of derived types whose members the generator does not see",
                    "declare the concrete type, or " + StableHashableFix + " on '" + display + "'");
            }

            var members = ReadMembers(named);
            if (members.Count == 0)
            {
                return Unencodable("has no readable members", StableHashableFix + " or pass a record");
            }

            return new FingerprintShape(
                key,
                display,
                FingerprintKind.Object,
                EquatableArray<string>.Empty,
                new EquatableArray<FingerprintMember>(members.ToArray()),
                named.IsReferenceType,
                !named.IsReferenceType || named.IsSealed);

            FingerprintShape Lazy(FingerprintShape shape)
            {
                _unencodable[key] = (
                    "is a lazy sequence, not a collection: fingerprinting it enumerates it, and a sequence that can be enumerated once would reach the task empty",
                    "pass a collection (an array or a List<T>), declare the parameter as IEnumerable<T>, or " + StableHashableFix);
                return shape;
            }
        }

        /// <summary>The readable instance properties and fields, most derived first, in ordinal order of their names.</summary>
        private List<FingerprintMember> ReadMembers(INamedTypeSymbol type)
        {
            var members = new SortedDictionary<string, FingerprintMember>(StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    ITypeSymbol memberType;
                    switch (member)
                    {
                        case IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: { } getter, ReturnsByRef: false, ReturnsByRefReadonly: false } property
                            when !(property.IsImplicitlyDeclared && property.Name == "EqualityContract") && IsReadable(property) && IsReadable(getter):
                            memberType = property.Type;
                            break;
                        case IFieldSymbol { IsStatic: false, IsConst: false, AssociatedSymbol: null, IsFixedSizeBuffer: false, IsImplicitlyDeclared: false } field
                            when IsReadable(field):
                            memberType = field.Type;
                            break;
                        default:
                            continue;
                    }

                    if (!members.ContainsKey(member.Name))
                    {
                        members[member.Name] = new FingerprintMember(member.Name, Escape(member.Name), Visit(memberType));
                    }
                }
            }

            return members.Values.ToList();
        }

        private bool IsReadable(ISymbol member) => _compilation.IsSymbolAccessibleWithin(member, _within);

        private bool Implements(IEnumerable<ITypeSymbol> types, INamedTypeSymbol? target)
        {
            if (target is null)
            {
                return false;
            }

            foreach (var type in types)
            {
                if (SymbolEqualityComparer.Default.Equals(type, target) || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, target)))
                {
                    return true;
                }

                if (type is ITypeParameterSymbol parameter && Implements(parameter.ConstraintTypes, target))
                {
                    return true;
                }
            }

            return false;
        }

    }
}
