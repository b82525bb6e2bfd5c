using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.Syntax;

/// <summary>Where an attribute application and each of its arguments are written, as plain values (diagnostics point at them).</summary>
/// <param name="Attribute">The whole attribute.</param>
/// <param name="Positional">The constructor arguments in order (with the parameter name when written <c>name: value</c>).</param>
/// <param name="Named">The property arguments (<c>Name = value</c>) in order.</param>
internal sealed record AttributeArgumentLocations(LocationInfo? Attribute, EquatableArray<PositionalArgumentLocation> Positional, EquatableArray<NamedArgumentLocation> Named)
{
    public static AttributeArgumentLocations? From(AttributeSyntax? syntax)
    {
        if (syntax is null)
        {
            return null;
        }

        var arguments = syntax.ArgumentList?.Arguments ?? default;
        return new AttributeArgumentLocations(
            LocationInfo.From(syntax.GetLocation()),
            arguments.Where(a => a.NameEquals is null).Select(a => new PositionalArgumentLocation(a.NameColon?.Name.Identifier.ValueText, LocationInfo.From(a.Expression.GetLocation()))).ToEquatableArray(),
            arguments.Where(a => a.NameEquals is not null).Select(a => new NamedArgumentLocation(a.NameEquals!.Name.Identifier.ValueText, LocationInfo.From(a.Expression.GetLocation()))).ToEquatableArray());
    }
}

/// <summary>A constructor argument's expression; <see cref="ParameterName"/> when written <c>name: value</c>.</summary>
internal sealed record PositionalArgumentLocation(string? ParameterName, LocationInfo? Location);

/// <summary>A property argument's expression.</summary>
internal sealed record NamedArgumentLocation(string Name, LocationInfo? Location);
