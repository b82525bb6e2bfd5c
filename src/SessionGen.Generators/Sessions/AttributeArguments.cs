using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Models;
using SessionGen.Generators.Syntax;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// Reads one attribute application: its argument values and where each argument is written. The values come from the
/// bound attribute (<see cref="AttributeData"/>) or, for literal arguments, straight from the syntax
/// (<see cref="DeclaredAttribute"/>); the readers above see no difference.
/// </summary>
internal readonly struct AttributeArguments
{
    private readonly ImmutableArray<object?> _constructor;
    private readonly ImmutableArray<KeyValuePair<string, object?>> _named;
    private readonly AttributeArgumentLocations? _locations;

    /// <summary>The bound attribute; <paramref name="withLocations"/> false when no diagnostic will be located on it.</summary>
    public AttributeArguments(AttributeData data, CancellationToken cancellationToken, bool withLocations = true)
        : this(
            data.ConstructorArguments.Select(Value).ToImmutableArray(),
            data.NamedArguments.Select(argument => new KeyValuePair<string, object?>(argument.Key, Value(argument.Value))).ToImmutableArray(),
            withLocations ? AttributeArgumentLocations.From(data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax) : null)
    {
    }

    /// <summary>Values already converted to the parameter and property types (enum members as their underlying value, as bound attributes give them).</summary>
    public AttributeArguments(ImmutableArray<object?> constructor, ImmutableArray<KeyValuePair<string, object?>> named, AttributeArgumentLocations? locations)
    {
        _constructor = constructor;
        _named = named;
        _locations = locations;
    }

    public LocationInfo? Location => _locations?.Attribute;

    public T? Constructor<T>(int index) =>
        index < _constructor.Length && _constructor[index] is T value ? value : default;

    public int ConstructorCount => _constructor.Length;

    public bool Has(string name) => _named.Any(argument => argument.Key == name);

    public T? Named<T>(string name)
    {
        foreach (var argument in _named)
        {
            if (argument.Key == name && argument.Value is T value)
            {
                return value;
            }
        }

        return default;
    }

    /// <summary>Where the constructor argument <paramref name="index"/> (parameter <paramref name="parameterName"/>) is written; the attribute otherwise.</summary>
    public LocationInfo? ConstructorLocation(int index, string parameterName)
    {
        if (_locations is null)
        {
            return null;
        }

        var positional = 0;
        foreach (var argument in _locations.Positional)
        {
            if (argument.ParameterName is { } name ? name == parameterName : positional == index)
            {
                return argument.Location;
            }

            positional++;
        }

        return Location;
    }

    /// <summary>Where the named argument <paramref name="name"/> is written; the attribute otherwise.</summary>
    public LocationInfo? NamedLocation(string name) =>
        _locations?.Named.FirstOrDefault(argument => argument.Name == name)?.Location ?? Location;

    // An array (none of the SessionGen attributes takes one) has no single value.
    private static object? Value(TypedConstant constant) => constant.Kind == TypedConstantKind.Array ? null : constant.Value;
}
