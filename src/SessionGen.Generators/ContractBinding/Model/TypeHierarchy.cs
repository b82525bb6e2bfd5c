using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.ContractBinding.Model;

/// <summary>One type declaration the generated partial re-opens: <c>partial record struct Outer&lt;T&gt;</c>.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="Name">The type's name with its type parameters, e.g. <c>Pool&lt;T&gt;</c>.</param>
internal sealed record TypeDeclarationInfo(string Keyword, string Name);

/// <summary>Where the binding class sits: its namespace and the chain of types from the outermost to the class itself.</summary>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="Types">The containing types, outermost first, ending with the bound class.</param>
/// <param name="HintName">A unique hint name derived from the metadata name.</param>
internal sealed record TypeHierarchy(string Namespace, EquatableArray<TypeDeclarationInfo> Types, string HintName)
{
    /// <summary>The bound class's simple name (no type parameters).</summary>
    public string ClassName => SimpleName(Types[Types.Count - 1].Name);

    public static TypeHierarchy From(INamedTypeSymbol type)
    {
        var chain = ImmutableArray.CreateBuilder<TypeDeclarationInfo>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Insert(0, new TypeDeclarationInfo(Keyword(current), current.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers))));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : string.Empty;
        var metadataName = string.Join(".", new[] { ns }.Where(n => n.Length > 0).Concat(chain.Select((_, i) => MetadataName(type, chain.Count - 1 - i))));
        return Create(ns, chain.ToImmutable(), metadataName);
    }

    /// <summary>The hierarchy of a type whose <paramref name="metadataName"/> is its namespace and containing types' metadata names, dotted.</summary>
    public static TypeHierarchy Create(string ns, ImmutableArray<TypeDeclarationInfo> types, string metadataName) =>
        new(ns, types.ToEquatableArray(), metadataName.Replace('`', '_') + ".ContractAbi.g.cs");

    private static string MetadataName(INamedTypeSymbol type, int levelsUp)
    {
        for (var i = 0; i < levelsUp; i++)
        {
            type = type.ContainingType!;
        }

        return type.MetadataName;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string SimpleName(string name)
    {
        var angle = name.IndexOf('<');
        var simple = angle < 0 ? name : name.Substring(0, angle);
        return simple.TrimStart('@');
    }
}
