using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.ContractBinding;

/// <summary>
/// Chooses every C# name of a binding (members, overloads, parameters, structs) and maps ABI types to C# types,
/// reporting what cannot be named without a collision. The result is all the emitter needs.
/// </summary>
/// <remarks>
/// Overloads: an ABI name used by several functions gets signature-suffixed selector constants
/// (<c>SafeTransferFrom_address_address_uint256</c>); its builders stay plain C# overloads where their C#
/// parameter types differ and take the same suffixed name where they do not.
/// </remarks>
internal sealed class ContractBinder
{
    /// <summary>The class name a shared binding is made with: not an identifier, so no name derived from an ABI equals it.</summary>
    private const string NoClassName = "<class>";

    // Every class bound to the same ABI file gets the same members unless its own name collides with one of them, so
    // the binding is made once per ABI model object (AbiFiles hands every class of a run the same object, and a changed
    // file is a new object), without a class name, and reused; the members then compare equal to a per-class binding.
    private static readonly ConditionalWeakTable<ContractAbiModel, SharedBinding> s_shared = new();

    private readonly string _className;
    private readonly LocationInfo? _location;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<BoundStruct> _structs = new();
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);

    private ContractBinder(string className, LocationInfo? location)
    {
        _className = className;
        _location = location;
        _reserved = new HashSet<string>(StringComparer.Ordinal)
        {
            className,
            BindingNames.SelectorsClass,
            BindingNames.ErrorSelectorsClass,
            BindingNames.CalldataClass,
            BindingNames.CodecClass,
            BindingNames.ReturnsClass,
            BindingNames.ReadClass,
            BindingNames.ErrorsClass,
        };
    }

    /// <summary>Binds <paramref name="abi"/> to the class <paramref name="type"/>; collisions are located at <paramref name="location"/> (the attribute).</summary>
    public static BindingResult Bind(TypeHierarchy type, string abiPath, ContractAbiModel abi, LocationInfo? location)
    {
        var shared = s_shared.GetValue(abi, static abi => SharedBinding.Create(abi));
        if (shared.Members is { } members && !shared.MightCollideWith(type.ClassName))
        {
            return new BindingResult(new ContractBindingModel(type, abiPath, members), EquatableArray<DiagnosticInfo>.Empty);
        }

        var binder = new ContractBinder(type.ClassName, location);
        return new BindingResult(new ContractBindingModel(type, abiPath, binder.BindAll(abi)), binder._diagnostics.ToEquatableArray());
    }

    private BoundAbi BindAll(ContractAbiModel abi)
    {
        var functions = BindFunctions(abi.Functions);
        var errors = BindErrors(abi.Errors);
        var events = BindEvents(abi.Events);
        return new BoundAbi(functions, errors, _structs.ToEquatableArray(), events);
    }

    /// <summary>An ABI bound without a class name, and the names a class name could collide with.</summary>
    /// <remarks>
    /// The class name takes part in binding only as a reserved name: a candidate name is looked up in the reserved
    /// names, and when taken, reported or retried with a trailing <c>_</c>. Every name looked up is a chosen name (or,
    /// for a retry, a chosen name without some of its trailing <c>_</c>); so a class name that is none of these, after
    /// trimming <c>@</c> and trailing <c>_</c>, changes no answer and the binding is the same. An ABI that binds with
    /// diagnostics is bound per class (the messages name the class).
    /// </remarks>
    private sealed class SharedBinding
    {
        private readonly HashSet<string> _names;

        private SharedBinding(BoundAbi? members, HashSet<string> names)
        {
            Members = members;
            _names = names;
        }

        /// <summary>The members, or null when binding reports something.</summary>
        public BoundAbi? Members { get; }

        public static SharedBinding Create(ContractAbiModel abi)
        {
            var binder = new ContractBinder(NoClassName, null);
            var members = binder.BindAll(abi);
            if (binder._diagnostics.Count > 0)
            {
                return new SharedBinding(null, new HashSet<string>(StringComparer.Ordinal));
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            void Add(string name) => names.Add(Stem(name));
            void AddAll(EquatableArray<BoundParameter> parameters)
            {
                foreach (var parameter in parameters)
                {
                    Add(parameter.Name);
                }
            }

            foreach (var function in members.Functions)
            {
                Add(function.SelectorName);
                Add(function.MethodName);
                if (function.ResultRecordName is { } record)
                {
                    Add(record);
                }

                AddAll(function.Parameters);
                AddAll(function.Outputs);
            }

            foreach (var error in members.Errors)
            {
                Add(error.SelectorName);
                Add(error.RecordName);
                AddAll(error.Members);
            }

            foreach (var @event in members.Events)
            {
                Add(@event.RecordName);
                foreach (var member in @event.Members)
                {
                    Add(member.Member.Name);
                }
            }

            foreach (var structure in members.Structs)
            {
                Add(structure.Name);
                AddAll(structure.Members);
            }

            return new SharedBinding(members, names);
        }

        public bool MightCollideWith(string className) => _names.Contains(Stem(className));

        private static string Stem(string name) => name.TrimStart('@').TrimEnd('_');
    }

    private EquatableArray<BoundFunction> BindFunctions(EquatableArray<AbiFunctionModel> functions)
    {
        // Bind parameters first (this names the structs), then choose names per overload group.
        var candidates = new List<(AbiFunctionModel Function, ImmutableArray<BoundParameter> Parameters, ImmutableArray<string> SuffixParts, ImmutableArray<BoundParameter> Outputs)>();
        foreach (var function in functions)
        {
            var parameters = BindParameters(function.Inputs, BindingNames.Pascal(function.Name), $"function '{function.CanonicalSignature}'");
            var outputs = BindParameters(function.Outputs, BindingNames.Pascal(function.Name) + "Output", $"the outputs of function '{function.CanonicalSignature}'", structMembers: true);
            if (parameters is not null && outputs is not null)
            {
                candidates.Add((function, parameters.Value, function.Inputs.Select(SignaturePart).ToImmutableArray(), outputs.Value));
            }
        }

        var structNames = new HashSet<string>(_structs.Select(s => s.Name), StringComparer.Ordinal);
        var selectorNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var methodKeys = new Dictionary<string, string>(StringComparer.Ordinal); // "Name(types)" → signature
        var bound = ImmutableArray.CreateBuilder<BoundFunction>();
        foreach (var group in candidates.GroupBy(c => BindingNames.Pascal(c.Function.Name)))
        {
            var members = group.ToList();
            var typeKeys = members.Select(m => string.Join(",", m.Parameters.Select(p => p.CSharpType))).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var (function, parameters, suffixParts, outputs) = members[i];
                var suffixed = group.Key + BindingNames.Suffix(suffixParts, function.Selector);
                var selectorName = members.Count == 1 ? group.Key : suffixed;
                var methodName = typeKeys.Count(k => k == typeKeys[i]) == 1 ? group.Key : suffixed;
                var what = $"function '{function.CanonicalSignature}'";

                if (IsTaken(what, selectorName, BindingNames.SelectorsClass, selectorNames, selectorName == BindingNames.SelectorsClass || BindingNames.IsInheritedMember(selectorName))
                    || IsTaken(what, methodName + "(" + typeKeys[i] + ")", _className, methodKeys, _reserved.Contains(methodName) || structNames.Contains(methodName) || BindingNames.IsInheritedMember(methodName), methodName))
                {
                    continue;
                }

                // Calldata also gets Get{Method}Length with the same parameters: an ABI function of that name must not clash with it.
                if (IsTaken(what, $"Get{methodName}Length({typeKeys[i]})", BindingNames.CalldataClass, methodKeys, false, $"Get{methodName}Length"))
                {
                    continue;
                }

                var inputNames = new HashSet<string>(parameters.Select(p => p.Name.TrimStart('@')), StringComparer.Ordinal);
                bound.Add(new BoundFunction(
                    function,
                    selectorName,
                    methodName,
                    parameters.ToEquatableArray(),
                    Unused(inputNames, "contract", "contractAddress"),
                    Unused(inputNames, "value", "nativeValue"),
                    Unused(inputNames, "destination", "destinationBuffer"),
                    outputs.ToEquatableArray(),
                    outputs.Length == 1 ? outputs[0].CSharpType : null,
                    null,
                    Unused(inputNames, "client", "rpcClient"),
                    Unused(inputNames, "cancellationToken", "cancellation")));
            }
        }

        // Two or more outputs decode to a record named after the function (after every method name is known, so that
        // the record never takes a name the class already uses).
        foreach (var function in bound)
        {
            _typeNames.Add(function.MethodName);
        }

        for (var i = 0; i < bound.Count; i++)
        {
            var function = bound[i];
            if (function.Outputs.Count > 1)
            {
                var record = ClaimTypeName(function.SelectorName + "Result");
                var members = BindingNames.Members(function.Outputs.Select(o => o.Abi.Name).ToList(), RecordReserved(record));
                bound[i] = function with
                {
                    Outputs = function.Outputs.Select((o, j) => o with { Name = members[j] }).ToEquatableArray(),
                    ResultType = record,
                    ResultRecordName = record,
                };
            }
        }

        // Keep ABI order in the output regardless of grouping.
        return bound.OrderBy(f => functions.AsImmutableArray().IndexOf(f.Abi)).ToEquatableArray();
    }

    private EquatableArray<BoundError> BindErrors(EquatableArray<AbiErrorModel> errors)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var bound = ImmutableArray.CreateBuilder<BoundError>();
        foreach (var group in errors.GroupBy(e => BindingNames.Pascal(e.Name)))
        {
            var members = group.ToList();
            foreach (var error in members)
            {
                var name = members.Count == 1 ? group.Key : group.Key + BindingNames.Suffix(error.Inputs.Select(SignaturePart).ToList(), error.Selector);
                var what = $"error '{error.CanonicalSignature}'";
                if (!IsTaken(what, name, BindingNames.ErrorSelectorsClass, names, name == BindingNames.ErrorSelectorsClass || BindingNames.IsInheritedMember(name))
                    && BindParameters(error.Inputs, name + "Error", what, structMembers: true) is { } inputs)
                {
                    var record = ClaimTypeName(name + "Error");
                    var memberNames = BindingNames.Members(error.Inputs.Select(p => p.Name).ToList(), RecordReserved(record));
                    bound.Add(new BoundError(error, name, record, inputs.Select((p, i) => p with { Name = memberNames[i] }).ToEquatableArray()));
                }
            }
        }

        return bound.ToEquatableArray();
    }

    private EquatableArray<BoundEvent> BindEvents(EquatableArray<AbiEventModel> events)
    {
        var bound = ImmutableArray.CreateBuilder<BoundEvent>();
        foreach (var group in events.GroupBy(e => BindingNames.Pascal(e.Name)))
        {
            var members = group.ToList();
            foreach (var abiEvent in members)
            {
                var name = (members.Count == 1 ? group.Key : group.Key + BindingNames.Suffix(abiEvent.Inputs.Select(SignaturePart).ToList(), Keccak256.Selector(abiEvent.CanonicalSignature))) + "Event";
                var what = $"event '{abiEvent.CanonicalSignature}'";
                if (BindParameters(abiEvent.Inputs, name, what, structMembers: true) is not { } inputs)
                {
                    continue;
                }

                var record = ClaimTypeName(name);
                var names = BindingNames.Members(abiEvent.Inputs.Select(p => p.Name).ToList(), RecordReserved(record));
                var topic = abiEvent.IsAnonymous ? 0 : 1;
                var eventMembers = ImmutableArray.CreateBuilder<BoundEventMember>(inputs.Length);
                for (var i = 0; i < inputs.Length; i++)
                {
                    var member = inputs[i] with { Name = names[i] };
                    if (!abiEvent.Indexed[i])
                    {
                        eventMembers.Add(new BoundEventMember(member, -1, false));
                        continue;
                    }

                    // Topics hold elementary values as they are and everything else (string, bytes, arrays, tuples) as its hash.
                    var hashed = member.Abi.TypeInfo.Kind is AbiTypeKind.String or AbiTypeKind.Bytes or AbiTypeKind.Array or AbiTypeKind.FixedArray or AbiTypeKind.Tuple;
                    eventMembers.Add(new BoundEventMember(hashed ? member with { CSharpType = CSharpTypeNames.Bytes32 } : member, topic++, hashed));
                }

                bound.Add(new BoundEvent(abiEvent, record, eventMembers.MoveToImmutable().ToEquatableArray()));
            }
        }

        return bound.ToEquatableArray();
    }

    /// <summary>
    /// A name for a generated record (decoded results, errors, events) that nothing else in the class uses: the
    /// preferred one, or with a trailing <c>_</c> until it is free. Records are always generated, so they yield.
    /// </summary>
    private string ClaimTypeName(string preferred)
    {
        var name = BindingNames.FirstFree(preferred, n => _reserved.Contains(n) || _typeNames.Contains(n) || _structs.Any(s => s.Name == n) || BindingNames.IsInheritedMember(n));
        _typeNames.Add(name);
        return name;
    }

    /// <summary>The names a generated record's members must not take: its own name, what records inherit, and its static members.</summary>
    private IEnumerable<string> RecordReserved(string record) =>
        BindingNames.InheritedMembers.Concat(_reserved).Concat(new[] { record, "EqualityContract", "Decode", "TryDecode", "FindIn", "Topic", "Signature" });

    /// <summary>Binds a parameter list (function inputs or tuple components); null after reporting a collision.</summary>
    /// <remarks>An unnamed tuple member's struct is named after its property (<c>Item2</c>), an unnamed parameter's after its position (<c>Arg0</c>).</remarks>
    private ImmutableArray<BoundParameter>? BindParameters(EquatableArray<AbiParameterModel> inputs, string owner, string what, bool structMembers = false)
    {
        var parameters = ImmutableArray.CreateBuilder<BoundParameter>(inputs.Count);
        var abiNames = inputs.Select(p => p.Name).ToList();
        var names = BindingNames.Parameters(abiNames, Enumerable.Empty<string>());
        var memberNames = BindingNames.Members(abiNames, Enumerable.Empty<string>());
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var name = names[i];
            var structFallback = owner + (structMembers ? memberNames[i]
                : input.Name.Length == 0 ? "Arg" + i.ToString(CultureInfo.InvariantCulture) : memberNames[i]);
            var type = MapType(input.TypeInfo, structFallback, what);
            if (type is null)
            {
                return null;
            }

            parameters.Add(new BoundParameter(input, name, type));
        }

        return parameters.MoveToImmutable();
    }

    /// <summary>The C# type of an ABI type (registering the structs it needs); null after reporting a collision.</summary>
    private string? MapType(AbiTypeInfo type, string structFallback, string what)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Array:
            case AbiTypeKind.FixedArray:
                var element = MapType(type.Element!, structFallback, what);
                return element is null ? null : CSharpTypeNames.ListOf(element);
            case AbiTypeKind.Tuple:
                return RegisterStruct(type, structFallback, what);
            default:
                return CSharpTypeNames.Elementary(type);
        }
    }

    private string? RegisterStruct(AbiTypeInfo tuple, string fallbackName, string what)
    {
        var name = BindingNames.StructNameFromInternalType(tuple.InternalType) ?? BindingNames.Capped(fallbackName);
        var members = BindParameters(tuple.Components, name, $"struct '{name}' of {what}", structMembers: true);
        if (members is null)
        {
            return null;
        }

        // Struct members are PascalCase properties, not parameters; never the struct's own name nor an inherited member's.
        var propertyNames = BindingNames.Members(tuple.Components.Select(c => c.Name).ToList(), BindingNames.InheritedMembers.Concat(_reserved).Concat(new[] { name }));
        var properties = members.Value.Select((m, i) => m with { Name = propertyNames[i] }).ToImmutableArray();
        var candidate = new BoundStruct(name, tuple.Canonical, tuple.InternalType, properties.ToEquatableArray());
        var existing = _structs.FirstOrDefault(s => s.Name == name);
        if (existing is not null)
        {
            if (existing == candidate || (existing.CanonicalType == candidate.CanonicalType && existing.Members.Select(m => m.Name).SequenceEqual(candidate.Members.Select(m => m.Name))))
            {
                return name;
            }

            Report(what, name, _className, $"struct '{existing.Name}' {existing.CanonicalType}");
            return null;
        }

        if (_reserved.Contains(name) || BindingNames.IsInheritedMember(name))
        {
            Report(what, name, _className, "a member SessionGen generates");
            return null;
        }

        _structs.Add(candidate);
        return name;
    }

    /// <summary>Records <paramref name="key"/> in <paramref name="taken"/>, or reports a collision and returns true when it is already there (or reserved).</summary>
    private bool IsTaken(string what, string key, string container, Dictionary<string, string> taken, bool reserved, string? displayName = null)
    {
        if (reserved)
        {
            Report(what, displayName ?? key, container, "a member SessionGen generates (or the containing type itself)");
            return true;
        }

        if (taken.TryGetValue(key, out var owner))
        {
            Report(what, displayName ?? key, container, owner);
            return true;
        }

        taken.Add(key, what);
        return false;
    }

    private void Report(string what, string name, string container, string owner) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AbiNameCollision, _location, what, name, container, owner));

    /// <summary>One parameter's part of an overload suffix: <c>uint256</c>, <c>bytesArray</c>, <c>bytes32Array2</c>, or a tuple's struct name.</summary>
    private static string SignaturePart(AbiParameterModel parameter) =>
        parameter.Type.StartsWith("(", StringComparison.Ordinal)
            ? (BindingNames.StructNameFromInternalType(parameter.InternalType) ?? "tuple") + ArrayPart(parameter.TypeInfo)
            : parameter.Type.Replace("[]", "Array").Replace("[", "Array").Replace("]", string.Empty);

    private static string ArrayPart(AbiTypeInfo type) => type.Kind switch
    {
        AbiTypeKind.Array => ArrayPart(type.Element!) + "Array",
        AbiTypeKind.FixedArray => ArrayPart(type.Element!) + "Array" + type.Size.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static string Unused(HashSet<string> names, string preferred, string fallback) =>
        names.Contains(preferred) ? BindingNames.FirstFree(fallback, names.Contains) : preferred;
}
