using Microsoft.CodeAnalysis.Text;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.Syntax;

/// <summary>
/// A class declaration with SessionGen-named attributes, read from its syntax alone (no binding), so that an edit
/// elsewhere in the project costs nothing per class. Whether the names really are SessionGen's attributes, and what
/// the literal arguments convert to, is decided once per compilation (<see cref="AttributeEnvironment"/>).
/// </summary>
/// <param name="Locator">Where the declaration is, to bind it when the syntax is not enough.</param>
/// <param name="IsReadable">
/// Whether the declaration can be read from syntax: a top-level, non-generic class in a file that says
/// <c>using SessionGen;</c> or relies on a global one (<see cref="ImportsSessionGen"/>), with no using alias, whose
/// SessionGen attributes are written by simple name with literal arguments only (strings, integers, <c>true</c>/<c>false</c>,
/// <c>ParamCondition.X</c>). Anything else (constants, <c>nameof</c>, <c>typeof</c>, nesting, generics) is bound.
/// </param>
/// <param name="Type">The class as the generated partial re-opens it (when readable).</param>
/// <param name="FullyQualifiedName">The class's <c>global::</c> name (when readable).</param>
/// <param name="Name">The class's name.</param>
/// <param name="IsPartial">Whether this declaration says <c>partial</c>.</param>
/// <param name="IdentifierLocation">The class name, where declaration problems are reported.</param>
/// <param name="ImportsSessionGen">Whether the file itself says <c>using SessionGen;</c>.</param>
/// <param name="Attributes">The SessionGen-named attributes in declaration order (when readable).</param>
internal sealed record DeclaredClass(
    ClassLocator Locator,
    bool IsReadable,
    TypeHierarchy? Type,
    string FullyQualifiedName,
    string Name,
    bool IsPartial,
    LocationInfo? IdentifierLocation,
    bool ImportsSessionGen,
    EquatableArray<DeclaredAttribute> Attributes);

/// <summary>A type declaration's place: its file, its span and its metadata name (which tells declarations in files that share a path apart).</summary>
internal sealed record ClassLocator(string FilePath, TextSpan Span, string MetadataName);

/// <summary>One SessionGen-named attribute as written: its name without the <c>Attribute</c> suffix, its literal arguments, where they are.</summary>
internal sealed record DeclaredAttribute(string Name, AttributeArgumentLocations Locations, EquatableArray<LiteralValue> Positional, EquatableArray<NamedLiteralValue> Named);

/// <summary>What kind of literal an argument is.</summary>
internal enum LiteralKind
{
    String,
    Integer,
    Boolean,

    /// <summary><c>Enum.Member</c>: <see cref="LiteralValue.Text"/> is the enum's name, <see cref="LiteralValue.Member"/> the member's.</summary>
    EnumMember,
}

/// <summary>A literal argument: a string, an <c>int</c> literal (optionally negated), <c>true</c>/<c>false</c>, or an enum member.</summary>
internal sealed record LiteralValue(LiteralKind Kind, string? Text, long Number, string? Member = null);

/// <summary>A property argument, <c>Name = literal</c>.</summary>
internal sealed record NamedLiteralValue(string Name, LiteralValue Value);
