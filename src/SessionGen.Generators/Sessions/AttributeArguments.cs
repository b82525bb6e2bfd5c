using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.Sessions;

/// <summary>Reads one attribute application: its argument values and where each argument is written.</summary>
internal readonly struct AttributeArguments
{
    private readonly AttributeData _data;
    private readonly AttributeSyntax? _syntax;

    public AttributeArguments(AttributeData data, CancellationToken cancellationToken)
    {
        _data = data;
        _syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
    }

    public LocationInfo? Location => LocationInfo.From(_syntax?.GetLocation());

    public T? Constructor<T>(int index) =>
        index < _data.ConstructorArguments.Length && _data.ConstructorArguments[index].Value is T value ? value : default;

    public int ConstructorCount => _data.ConstructorArguments.Length;

    public bool Has(string name) => _data.NamedArguments.Any(argument => argument.Key == name);

    public T? Named<T>(string name)
    {
        foreach (var argument in _data.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return default;
    }

    /// <summary>Where the constructor argument <paramref name="index"/> (parameter <paramref name="parameterName"/>) is written; the attribute otherwise.</summary>
    public LocationInfo? ConstructorLocation(int index, string parameterName)
    {
        var arguments = _syntax?.ArgumentList?.Arguments;
        if (arguments is null)
        {
            return Location;
        }

        var positional = 0;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == parameterName : positional == index)
            {
                return LocationInfo.From(argument.Expression.GetLocation());
            }

            positional++;
        }

        return Location;
    }

    /// <summary>Where the named argument <paramref name="name"/> is written; the attribute otherwise.</summary>
    public LocationInfo? NamedLocation(string name)
    {
        var argument = _syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument is null ? Location : LocationInfo.From(argument.Expression.GetLocation());
    }
}
