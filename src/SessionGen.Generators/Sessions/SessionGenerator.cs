using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Sessions.Model;
using SessionGen.Generators.Syntax;

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
        var actionClasses = Classes(context, SessionAttributeKind.SessionAction, TrackingNames.SessionClasses);

        // Classes with only a value transfer; those that also have actions come through the first provider.
        var valueTransferClasses = Classes(context, SessionAttributeKind.SessionValueTransfer, TrackingNames.SessionValueTransferClasses);

        var environment = AttributeEnvironment.Provider(
            context,
            AttributeEnvironment.ReadableTypes(actionClasses).Combine(AttributeEnvironment.ReadableTypes(valueTransferClasses)).Select(static (names, _) => names.Left.AddRange(names.Right)),
            TrackingNames.SessionAttributeEnvironment);

        var withActions = DeclaredTargets.Provider(
            context,
            actionClasses,
            environment,
            static (declared, attributes) => ReadFromSyntax(declared, attributes, skipIfItHasActions: false),
            static (type, compilation, cancellationToken) => ReadBound(type, compilation, SessionAttributeSymbols.SessionActionName, skipIfItHasActions: false, cancellationToken),
            Aliased(context, SessionAttributeSymbols.SessionActionName, SessionAttributeKind.SessionAction, skipIfItHasActions: false),
            (TrackingNames.SessionReads, TrackingNames.SessionBoundReads, TrackingNames.SessionTargets));

        var valueTransferOnly = DeclaredTargets.Provider(
            context,
            valueTransferClasses,
            environment,
            static (declared, attributes) => ReadFromSyntax(declared, attributes, skipIfItHasActions: true),
            static (type, compilation, cancellationToken) => ReadBound(type, compilation, SessionAttributeSymbols.SessionValueTransferName, skipIfItHasActions: true, cancellationToken),
            Aliased(context, SessionAttributeSymbols.SessionValueTransferName, SessionAttributeKind.SessionValueTransfer, skipIfItHasActions: true),
            (TrackingNames.SessionReads, TrackingNames.SessionBoundReads, TrackingNames.SessionValueTransferTargets));

        var abis = AbiFiles.Provider(context);
        var language = GeneratedCodeLanguage.Provider(context);
        foreach (var targets in new[] { withActions, valueTransferOnly })
        {
            var specs = targets
                .Combine(abis)
                .Select(static (input, _) => Resolve(input.Left, input.Right.Files, input.Right.ProjectDirectory))
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

    /// <summary>The classes with an attribute written with <paramref name="kind"/>'s name, read from syntax (tracked as <paramref name="trackingName"/>).</summary>
    private static IncrementalValuesProvider<DeclaredClass> Classes(IncrementalGeneratorInitializationContext context, SessionAttributeKind kind, string trackingName) =>
        context.SyntaxProvider
            .CreateSyntaxProvider(
                kind == SessionAttributeKind.SessionAction
                    ? static (node, _) => DeclaredClassReader.HasAttributeNamed(node, orRecord: false, SessionAttributeKind.SessionAction)
                    : static (node, _) => DeclaredClassReader.HasAttributeNamed(node, orRecord: false, SessionAttributeKind.SessionValueTransfer),
                static (context, _) => DeclaredClassReader.Read((ClassDeclarationSyntax)context.Node))
            .WithTrackingName(trackingName);

    /// <summary>Classes whose attribute <paramref name="metadataName"/> is written under another name (an alias), bound as before.</summary>
    private static IncrementalValuesProvider<SessionTarget> Aliased(IncrementalGeneratorInitializationContext context, string metadataName, SessionAttributeKind kind, bool skipIfItHasActions) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName<SessionTarget?>(metadataName,
                kind == SessionAttributeKind.SessionAction
                    ? static (node, _) => node is ClassDeclarationSyntax && !DeclaredClassReader.HasAttributeNamed(node, orRecord: false, SessionAttributeKind.SessionAction)
                    : static (node, _) => node is ClassDeclarationSyntax && !DeclaredClassReader.HasAttributeNamed(node, orRecord: false, SessionAttributeKind.SessionValueTransfer),
                skipIfItHasActions
                    ? static (context, cancellationToken) => context.TargetSymbol is INamedTypeSymbol type ? ReadTarget(type, context.SemanticModel.Compilation, skipIfItHasActions: true, cancellationToken) : null
                    : static (context, cancellationToken) => context.TargetSymbol is INamedTypeSymbol type ? ReadTarget(type, context.SemanticModel.Compilation, skipIfItHasActions: false, cancellationToken) : null)
            .Where(static target => target is not null)
            .Select(static (target, _) => target!)
            .WithTrackingName(TrackingNames.SessionAliasedTargets);

    /// <summary>A session class read from syntax (its attributes already converted); null when it is not this provider's.</summary>
    private static SessionTarget? ReadFromSyntax(DeclaredClass declared, IReadOnlyList<SessionAttribute> attributes, bool skipIfItHasActions)
    {
        var required = skipIfItHasActions ? SessionAttributeKind.SessionValueTransfer : SessionAttributeKind.SessionAction;
        if (!attributes.Any(a => a.Kind == required) || skipIfItHasActions && attributes.Any(a => a.Kind == SessionAttributeKind.SessionAction))
        {
            return null;
        }

        var contractAbi = attributes.Where(a => a.Kind == SessionAttributeKind.ContractAbi).Select(a => (AttributeArguments?)a.Arguments).FirstOrDefault();
        var tokenDisplay = attributes.Where(a => a.Kind == SessionAttributeKind.TokenDisplay).Select(a => (AttributeArguments?)a.Arguments).FirstOrDefault();
        var ownContract = SessionDeclarationParser.ContractReference(declared.Type!, declared.FullyQualifiedName, declared.Name, contractAbi, tokenDisplay);
        var declaration = SessionDeclarationParser.Parse(declared.Name, declared.IdentifierLocation, ownContract, attributes, bindingsAvailable: true, readContract: null);
        return new SessionTarget(declared.Type!, declared.FullyQualifiedName, declared.IsPartial, declaration);
    }

    /// <summary>A class that had to be bound: a target when it carries <paramref name="metadataName"/> (what <c>ForAttributeWithMetadataName</c> finds).</summary>
    private static SessionTarget? ReadBound(INamedTypeSymbol type, Compilation compilation, string metadataName, bool skipIfItHasActions, CancellationToken cancellationToken) =>
        type.GetAttributes().Any(a => DeclaredTargets.Is(a.AttributeClass, metadataName))
            ? ReadTarget(type, compilation, skipIfItHasActions, cancellationToken)
            : null;

    private static SessionTarget? ReadTarget(INamedTypeSymbol type, Compilation compilation, bool skipIfItHasActions, CancellationToken cancellationToken)
    {
        if (SessionAttributeSymbols.TryCreate(compilation) is not { } symbols
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
