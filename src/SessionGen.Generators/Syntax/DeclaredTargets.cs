using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Syntax;

/// <summary>
/// The pipeline both generators find their classes with: each class read from its syntax when the
/// <see cref="AttributeEnvironment"/> allows it (no binding, so an edit elsewhere costs nothing per class), bound
/// otherwise, and the results in declaration order.
/// </summary>
/// <remarks>
/// <c>ForAttributeWithMetadataName</c> binds every marked class on every run (its transform's input is the compilation),
/// which at a thousand classes is most of an unrelated edit's cost. Here the per-class step's inputs are the syntax
/// reading and the environment, both equal after an unrelated edit, so it stays cached; only the classes that cannot be
/// read from syntax (constants, <c>typeof</c>, nesting, …) are bound, all in one step per run. Classes whose attributes
/// are written under an alias name are found by <c>ForAttributeWithMetadataName</c> as before.
/// </remarks>
internal static class DeclaredTargets
{
    /// <summary>The targets, in declaration order, then those only an alias names.</summary>
    /// <param name="context">The generator's context.</param>
    /// <param name="classes">The candidate classes (<see cref="DeclaredClassReader.Read"/>).</param>
    /// <param name="environment">The compilation's <see cref="AttributeEnvironment"/>.</param>
    /// <param name="readFromSyntax">The target of a class the environment can read, given its SessionGen attributes (null: not a target).</param>
    /// <param name="readBound">The target of a bound class (null: not a target).</param>
    /// <param name="aliased">The targets of classes whose attribute is written under another name.</param>
    /// <param name="names">Tracking names of the syntax reads, the bound reads and the merged targets.</param>
    public static IncrementalValuesProvider<T> Provider<T>(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<DeclaredClass> classes,
        IncrementalValueProvider<AttributeEnvironment> environment,
        Func<DeclaredClass, IReadOnlyList<Sessions.SessionAttribute>, T?> readFromSyntax,
        Func<INamedTypeSymbol, Compilation, CancellationToken, T?> readBound,
        IncrementalValuesProvider<T> aliased,
        (string Reads, string Bound, string Targets) names)
        where T : class, IEquatable<T>
    {
        var reads = classes
            .Combine(environment)
            .Select((input, _) => input.Right.Attributes(input.Left) is { } attributes
                ? new DeclaredRead<T>(readFromSyntax(input.Left, attributes), null)
                : new DeclaredRead<T>(null, input.Left.Locator))
            .WithTrackingName(names.Reads);

        var bound = reads
            .Where(static read => read.Unread is not null)
            .Select(static (read, _) => read.Unread!)
            .Collect()
            .Combine(context.CompilationProvider)
            .Select((input, cancellationToken) => Bind(input.Right, input.Left, readBound, cancellationToken))
            .WithTrackingName(names.Bound);

        return reads
            .Collect()
            .Combine(bound)
            .Combine(aliased.Collect())
            .SelectMany(static (input, _) => Merge(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(names.Targets);
    }

    /// <summary>Binds the classes that could not be read from syntax, each found by its file, span and name.</summary>
    private static EquatableArray<BoundRead<T>> Bind<T>(Compilation compilation, ImmutableArray<ClassLocator> unread, Func<INamedTypeSymbol, Compilation, CancellationToken, T?> readBound, CancellationToken cancellationToken)
        where T : class, IEquatable<T>
    {
        if (unread.IsEmpty)
        {
            return EquatableArray<BoundRead<T>>.Empty;
        }

        var trees = compilation.SyntaxTrees.ToLookup(tree => tree.FilePath);
        var results = ImmutableArray.CreateBuilder<BoundRead<T>>(unread.Length);
        foreach (var locator in unread)
        {
            cancellationToken.ThrowIfCancellationRequested();
            T? target = null;
            foreach (var tree in trees[locator.FilePath])
            {
                var root = tree.GetRoot(cancellationToken);
                if (locator.Span.End > root.FullSpan.End)
                {
                    continue;
                }

                var node = root.FindNode(locator.Span).DescendantNodesAndSelf()
                    .OfType<TypeDeclarationSyntax>()
                    .FirstOrDefault(n => n.Span == locator.Span && DeclaredClassReader.Read(n).Locator.MetadataName == locator.MetadataName);
                if (node is not null && compilation.GetSemanticModel(tree).GetDeclaredSymbol(node, cancellationToken) is INamedTypeSymbol type)
                {
                    target = readBound(type, compilation, cancellationToken);
                    break;
                }
            }

            results.Add(new BoundRead<T>(target));
        }

        return results.MoveToImmutable().ToEquatableArray();
    }

    private static ImmutableArray<T> Merge<T>(ImmutableArray<DeclaredRead<T>> reads, EquatableArray<BoundRead<T>> bound, ImmutableArray<T> aliased)
        where T : class, IEquatable<T>
    {
        var targets = ImmutableArray.CreateBuilder<T>(reads.Length + aliased.Length);
        var next = 0;
        foreach (var read in reads)
        {
            var target = read.Unread is null ? read.Target : bound[next++].Target;
            if (target is not null)
            {
                targets.Add(target);
            }
        }

        targets.AddRange(aliased);
        return targets.ToImmutable();
    }

    /// <summary>Whether <paramref name="type"/> is the type <paramref name="metadataName"/> (as <c>ForAttributeWithMetadataName</c> matches attributes).</summary>
    public static bool Is(INamedTypeSymbol? type, string metadataName) =>
        type is { ContainingType: null } && metadataName.Length == type.ContainingNamespace.ToDisplayString().Length + 1 + type.MetadataName.Length
        && metadataName.EndsWith(type.MetadataName, StringComparison.Ordinal)
        && metadataName.StartsWith(type.ContainingNamespace.ToDisplayString() + ".", StringComparison.Ordinal);
}

/// <summary>A class read from syntax: its target (null when it is none), or, when it must be bound, where it is.</summary>
internal sealed record DeclaredRead<T>(T? Target, ClassLocator? Unread)
    where T : class, IEquatable<T>;

/// <summary>The target of a bound class (null when it is none).</summary>
internal sealed record BoundRead<T>(T? Target)
    where T : class, IEquatable<T>;
