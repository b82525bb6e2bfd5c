using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Sessions.Model;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// Turns each class with <c>[SessionAction]</c>s (or <c>[SessionValueTransfer]</c>) into a typed session
/// definition: <c>CreateSession</c> overloads returning the protocol <c>Session</c>, <c>Describe</c> for the
/// approval text, and <c>SessionCalls</c>, call builders for the permitted functions only.
/// </summary>
/// <remarks>
/// Diagnostics are not reported here but by <see cref="Analyzers.SessionAnalyzer"/>, which runs the same parser
/// and resolver live in the IDE; a declaration with an error simply produces no session code.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class SessionGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var withActions = context.SyntaxProvider
            .ForAttributeWithMetadataName(SessionAttributeSymbols.SessionActionName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => ReadTarget(context, skipIfItHasActions: false, cancellationToken))
            .Where(static target => target is not null)
            .WithTrackingName(TrackingNames.SessionTargets);

        // Classes with only a value transfer; those that also have actions come through the first provider.
        var valueTransferOnly = context.SyntaxProvider
            .ForAttributeWithMetadataName(SessionAttributeSymbols.SessionValueTransferName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => ReadTarget(context, skipIfItHasActions: true, cancellationToken))
            .Where(static target => target is not null)
            .WithTrackingName(TrackingNames.SessionValueTransferTargets);

        var abis = AbiFiles.Provider(context);
        var language = GeneratedCodeLanguage.Provider(context);
        foreach (var targets in new[] { withActions, valueTransferOnly })
        {
            var specs = targets
                .Combine(abis)
                .Select(static (input, _) => Resolve(input.Left!, input.Right.Files, input.Right.ProjectDirectory))
                .Where(static spec => spec is not null)
                .WithTrackingName(TrackingNames.SessionSpecs);

            // Too old a C# version: nothing is generated (the binding generator reports SESSGEN102 on the class).
            context.RegisterSourceOutput(specs.Combine(language), static (context, input) =>
            {
                if (input.Right.IsSupported)
                {
                    context.AddSource(SessionEmitter.HintName(input.Left!), SessionEmitter.Emit(input.Left!));
                }
            });
        }
    }

    private static SessionTarget? ReadTarget(GeneratorAttributeSyntaxContext context, bool skipIfItHasActions, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || SessionAttributeSymbols.TryCreate(context.SemanticModel.Compilation) is not { } symbols
            || skipIfItHasActions && type.GetAttributes().Any(a => SessionAttributeSymbols.Is(a, symbols.SessionAction))
            || SessionDeclarationParser.Parse(type, symbols, cancellationToken) is not { } declaration)
        {
            return null;
        }

        return new SessionTarget(TypeHierarchy.From(type), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            SessionDeclarationParser.IsPartial(type, cancellationToken), declaration);
    }

    private static SessionSpec? Resolve(SessionTarget target, EquatableArray<AbiReadResult> files, string? projectDirectory)
    {
        if (!target.IsPartial)
        {
            return null; // the class cannot be extended: SESSGEN100 (binding) or SESSGEN117 (analyzer) says so
        }

        return SessionResolver.Resolve(target.Declaration, target.Type, target.FullyQualifiedName, contract =>
        {
            var path = AbiPaths.Find(contract.AbiPath, projectDirectory, files.Select(file => file.Path));
            return path is null ? null : files.First(file => file.Path == path).Abi;
        }).Spec;
    }
}
