using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Sessions;

namespace SessionGen.Generators.Syntax;

/// <summary>
/// What a compilation says about the SessionGen attribute names, worked out once per compilation so that each
/// <see cref="DeclaredClass"/> can be read without binding: whether those names can only mean SessionGen's attributes
/// (<see cref="IsSafe"/>), the attributes' constructors and properties (to convert literal arguments exactly as the
/// compiler would), and which classes have more than one declaration (their attributes are spread over files).
/// </summary>
/// <param name="IsSafe">
/// False when the syntax could be misread: an attribute type is missing or lives elsewhere than the others, some other
/// attribute type, namespace or <c>ParamCondition</c> (source or referenced, any accessibility) has one of the names
/// (<c>SessionAction</c>, <c>SessionActionAttribute</c>, …, <c>ParamCondition</c>), or a global using alias exists. Then
/// every class is bound.
/// </param>
/// <param name="GlobalUsingSessionGen">Whether some file says <c>global using SessionGen;</c>.</param>
/// <param name="Shapes">Each attribute's constructors and settable members.</param>
/// <param name="ParamConditionMembers">The members of <c>ParamCondition</c> with their (underlying) values.</param>
/// <param name="MultiPartTypes">The metadata names of readable classes declared in more than one place.</param>
internal sealed record AttributeEnvironment(
    bool IsSafe,
    bool GlobalUsingSessionGen,
    EquatableArray<AttributeShape> Shapes,
    EquatableArray<EnumMemberValue> ParamConditionMembers,
    EquatableArray<string> MultiPartTypes)
{
    private const string ParamConditionName = "ParamCondition";

    private static readonly AttributeEnvironment Unsafe = new(false, false, EquatableArray<AttributeShape>.Empty, EquatableArray<EnumMemberValue>.Empty, EquatableArray<string>.Empty);

    /// <summary>
    /// The environment of each compilation (tracked as <paramref name="trackingName"/>), given the classes a generator
    /// reads (<see cref="ReadableTypes"/>). It is worked out on every run, but costs a few lookups, not a binding per class.
    /// </summary>
    public static IncrementalValueProvider<AttributeEnvironment> Provider(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ImmutableArray<string>> readableTypes, string trackingName)
    {
        var globalUsings = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is UsingDirectiveSyntax directive && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword),
                static (context, _) => GlobalUsing.From((UsingDirectiveSyntax)context.Node))
            .Collect()
            .Select(static (usings, _) => new GlobalUsing(usings.Any(u => u.IsAlias), usings.Any(u => u.IsSessionGen)));

        return readableTypes
            .Combine(globalUsings)
            .Combine(context.CompilationProvider)
            .Select(static (input, cancellationToken) => Read(input.Right, input.Left.Left, input.Left.Right, cancellationToken))
            .WithTrackingName(trackingName);
    }

    /// <summary>The metadata names of the readable classes (whose declarations the environment counts).</summary>
    public static IncrementalValueProvider<ImmutableArray<string>> ReadableTypes(IncrementalValuesProvider<DeclaredClass> classes) =>
        classes
            .Where(static declared => declared.IsReadable)
            .Select(static (declared, _) => declared.Locator.MetadataName)
            .Collect();

    /// <summary>Whether <paramref name="declared"/> can be read from its syntax in this compilation.</summary>
    public bool CanRead(DeclaredClass declared) =>
        IsSafe && declared.IsReadable && (declared.ImportsSessionGen || GlobalUsingSessionGen) && !MultiPartTypes.Contains(declared.Locator.MetadataName);

    /// <summary>
    /// The SessionGen attributes of <paramref name="declared"/> with their arguments converted as the compiler converts
    /// them; null when the class must be bound instead (see <see cref="CanRead"/>; an argument that does not convert,
    /// a repeated single-use attribute, a member that does not exist).
    /// </summary>
    public IReadOnlyList<SessionAttribute>? Attributes(DeclaredClass declared)
    {
        if (!CanRead(declared))
        {
            return null;
        }

        var attributes = new List<SessionAttribute>(declared.Attributes.Count);
        var seen = new HashSet<string>();
        foreach (var attribute in declared.Attributes)
        {
            var shape = Shapes.FirstOrDefault(s => s.Name == attribute.Name);
            if (shape is null || !shape.AllowMultiple && !seen.Add(attribute.Name) || Arguments(attribute, shape) is not { } arguments)
            {
                return null;
            }

            attributes.Add(new SessionAttribute(DeclaredClassReader.KindsByName[attribute.Name], arguments));
        }

        return attributes;
    }

    private AttributeArguments? Arguments(DeclaredAttribute attribute, AttributeShape shape)
    {
        ImmutableArray<object?>? constructor = null;
        foreach (var candidate in shape.Constructors.Where(c => c.Parameters.Count == attribute.Positional.Count))
        {
            var values = ImmutableArray.CreateBuilder<object?>(candidate.Parameters.Count);
            for (var i = 0; i < candidate.Parameters.Count && TryConvert(attribute.Positional[i], candidate.Parameters[i].Type, out var value); i++)
            {
                values.Add(value);
            }

            if (values.Count == candidate.Parameters.Count)
            {
                if (constructor is not null)
                {
                    return null; // two constructors fit: leave overload resolution to the compiler
                }

                constructor = values.MoveToImmutable();
            }
        }

        if (constructor is null)
        {
            return null;
        }

        var named = ImmutableArray.CreateBuilder<KeyValuePair<string, object?>>(attribute.Named.Count);
        foreach (var argument in attribute.Named)
        {
            var member = shape.Members.FirstOrDefault(m => m.Name == argument.Name);
            if (member is null || named.Any(n => n.Key == argument.Name) || !TryConvert(argument.Value, member.Type, out var value))
            {
                return null;
            }

            named.Add(new KeyValuePair<string, object?>(argument.Name, value));
        }

        return new AttributeArguments(constructor.Value, named.MoveToImmutable(), attribute.Locations);
    }

    private bool TryConvert(LiteralValue literal, ArgumentType type, out object? value)
    {
        value = (type, literal.Kind) switch
        {
            (ArgumentType.String, LiteralKind.String) => literal.Text,
            (ArgumentType.Int32, LiteralKind.Integer) => (int)literal.Number,
            (ArgumentType.Int64, LiteralKind.Integer) => literal.Number,
            (ArgumentType.Boolean, LiteralKind.Boolean) => literal.Number != 0,
            (ArgumentType.ParamCondition, LiteralKind.EnumMember) when literal.Text == ParamConditionName
                => ParamConditionMembers.FirstOrDefault(m => m.Name == literal.Member)?.Value,
            _ => null,
        };
        return value is not null;
    }

    private static AttributeEnvironment Read(Compilation compilation, ImmutableArray<string> readableTypes, GlobalUsing globalUsings, CancellationToken cancellationToken)
    {
        var symbols = SessionAttributeSymbols.TryCreate(compilation);
        var paramCondition = compilation.GetTypeByMetadataName("SessionGen." + ParamConditionName);
        if (globalUsings.IsAlias || symbols is null || paramCondition is not { TypeKind: TypeKind.Enum }
            || symbols.ContractAbi is not { } contractAbi || symbols.TokenDisplay is not { } tokenDisplay || symbols.SessionPaymaster is not { } paymaster)
        {
            return Unsafe;
        }

        INamedTypeSymbol[] attributes = [symbols.SessionAction, symbols.SessionValueTransfer, symbols.ParamRule, symbols.SessionExpiry, paymaster, contractAbi, tokenDisplay];
        var home = paramCondition.ContainingAssembly;
        if (attributes.Any(a => !SymbolEqualityComparer.Default.Equals(a.ContainingAssembly, home) || a.ContainingNamespace.ToDisplayString() != "SessionGen"))
        {
            return Unsafe;
        }

        // With these names taken by nothing else, a name written under `using SessionGen;` can only bind to SessionGen's
        // type. A class that is no attribute (SessionGen.Protocol.ParamRule) does not count: an attribute name only binds
        // to attribute types.
        var ownNames = attributes.Select(a => a.ContainingNamespace.ToDisplayString() + "." + a.MetadataName).Append(paramCondition.ToDisplayString()).ToArray();
        if (Names.Any(name => compilation.ContainsSymbolsWithName(name, SymbolFilter.Type | SymbolFilter.Namespace, cancellationToken))
            && Conflicts(compilation.Assembly, ownNames: []))
        {
            return Unsafe;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Names.Any(name => assembly.TypeNames.Contains(name) || assembly.NamespaceNames.Contains(name))
                && Conflicts(assembly, SymbolEqualityComparer.Default.Equals(assembly, home) ? ownNames : []))
            {
                return Unsafe;
            }
        }

        var multiPart = readableTypes
            .Where(name => compilation.Assembly.GetTypeByMetadataName(name) is not { DeclaringSyntaxReferences.Length: 1 })
            .ToEquatableArray();
        var members = paramCondition.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue && f.ConstantValue is not null)
            .Select(f => new EnumMemberValue(f.Name, f.ConstantValue!)).ToEquatableArray();
        return new AttributeEnvironment(true, globalUsings.IsSessionGen, attributes.Select(a => AttributeShape.From(a, paramCondition)).ToEquatableArray(), members, multiPart);
    }

    /// <summary>The names a readable class relies on: each attribute's, with and without the suffix, and <c>ParamCondition</c>.</summary>
    private static readonly string[] Names = DeclaredClassReader.KindsByName.Keys.SelectMany(name => new[] { name, name + "Attribute" }).Append(ParamConditionName).ToArray();

    /// <summary>The attribute types, namespaces and <c>ParamCondition</c>s an assembly declares under <see cref="Names"/>, by full name; kept per assembly (referenced assemblies are shared between compilations).</summary>
    private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> s_declared = new();

    /// <summary>Whether <paramref name="assembly"/> declares something under <see cref="Names"/> that a readable class could bind to instead of <paramref name="ownNames"/>.</summary>
    private static bool Conflicts(IAssemblySymbol assembly, string[] ownNames) =>
        (assembly is ISourceAssemblySymbol ? Declared(assembly) : s_declared.GetValue(assembly, Declared)).Any(name => System.Array.IndexOf(ownNames, name) < 0);

    private static string[] Declared(IAssemblySymbol assembly)
    {
        var found = new List<string>();
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            var ns = namespaces.Pop();
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    if (System.Array.IndexOf(Names, child.Name) >= 0)
                    {
                        found.Add(child.ToDisplayString());
                    }

                    namespaces.Push(child);
                }
                else if (member is INamedTypeSymbol type)
                {
                    AddTypes(type, found);
                }
            }
        }

        return found.ToArray();
    }

    private static void AddTypes(INamedTypeSymbol type, List<string> found)
    {
        if (System.Array.IndexOf(Names, type.Name) >= 0 && (type.Name == ParamConditionName || IsAttribute(type)))
        {
            found.Add(type.ContainingType is null ? type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName : type.ToDisplayString());
        }

        foreach (var nested in type.GetTypeMembers())
        {
            AddTypes(nested, found);
        }
    }

    private static bool IsAttribute(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the global usings of the project say: whether any is an alias, whether one imports SessionGen.</summary>
    private sealed record GlobalUsing(bool IsAlias, bool IsSessionGen)
    {
        public static GlobalUsing From(UsingDirectiveSyntax directive) => new(
            directive.Alias is not null,
            directive.Alias is null && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && directive.Name is IdentifierNameSyntax { Identifier.ValueText: "SessionGen" });
    }
}

/// <summary>The types an attribute argument can take that a literal can be read into (anything else is bound).</summary>
internal enum ArgumentType
{
    Unsupported,
    String,
    Int32,
    Int64,
    Boolean,
    ParamCondition,
}

/// <summary>An attribute's public constructors and settable members, by the type each argument takes.</summary>
/// <param name="Name">The attribute's name without the <c>Attribute</c> suffix.</param>
/// <param name="AllowMultiple">Whether the attribute may be applied more than once.</param>
/// <param name="Constructors">The public constructors.</param>
/// <param name="Members">The public settable properties and fields, the attribute's own and inherited.</param>
internal sealed record AttributeShape(string Name, bool AllowMultiple, EquatableArray<ConstructorShape> Constructors, EquatableArray<MemberShape> Members)
{
    public static AttributeShape From(INamedTypeSymbol type, INamedTypeSymbol paramCondition)
    {
        var constructors = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .Select(c => new ConstructorShape(c.Parameters.Select(p => new MemberShape(p.Name, TypeOf(p.Type, paramCondition))).ToEquatableArray()))
            .ToEquatableArray();
        var members = new List<MemberShape>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var settable = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod.DeclaredAccessibility: Accessibility.Public } property => property.Type,
                    IFieldSymbol { IsStatic: false, IsReadOnly: false, IsConst: false, DeclaredAccessibility: Accessibility.Public } field => field.Type,
                    _ => null,
                };
                if (settable is not null && !members.Any(m => m.Name == member.Name))
                {
                    members.Add(new MemberShape(member.Name, TypeOf(settable, paramCondition)));
                }
            }
        }

        var usage = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.AttributeUsageAttribute");
        var allowMultiple = usage?.NamedArguments.FirstOrDefault(a => a.Key == "AllowMultiple").Value.Value is true;
        var name = type.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
        return new AttributeShape(name, allowMultiple, constructors, members.ToEquatableArray());
    }

    private static ArgumentType TypeOf(ITypeSymbol type, INamedTypeSymbol paramCondition) => type.SpecialType switch
    {
        SpecialType.System_String => ArgumentType.String,
        SpecialType.System_Int32 => ArgumentType.Int32,
        SpecialType.System_Int64 => ArgumentType.Int64,
        SpecialType.System_Boolean => ArgumentType.Boolean,
        _ => SymbolEqualityComparer.Default.Equals(type, paramCondition) ? ArgumentType.ParamCondition : ArgumentType.Unsupported,
    };
}

/// <summary>One constructor: its parameters in order.</summary>
internal sealed record ConstructorShape(EquatableArray<MemberShape> Parameters);

/// <summary>A constructor parameter or settable member and the type it takes.</summary>
internal sealed record MemberShape(string Name, ArgumentType Type);

/// <summary>An enum member and its value (boxed as the enum's underlying type, as bound attributes give it).</summary>
internal sealed record EnumMemberValue(string Name, object Value);
