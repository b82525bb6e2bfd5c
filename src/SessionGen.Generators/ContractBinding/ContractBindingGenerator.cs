using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SessionGen.Generators.ContractBinding;

/// <summary>
/// Turns each <c>[ContractAbi("…json")] partial class</c> into a typed binding of that contract's ABI
/// (selectors, calldata encoders, <c>Call</c> builders, tuple structs).
/// </summary>
/// <remarks>
/// Pipeline: targets (read from syntax, or bound when they must be: <see cref="DeclaredTargets"/>) and ABI files (<see cref="AbiFiles"/>: AdditionalFiles ending in
/// <c>.json</c>, each read once per change and shared with the session generator and the analyzer) are combined per target into a <see cref="BindingResult"/>; models go to the emitter, diagnostics
/// to their own outputs. Editing one ABI file re-reads only that file, and only the classes whose model changed
/// are emitted again.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class ContractBindingGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a binding class (shipped in the runtime library).</summary>
    public const string AttributeMetadataName = Sessions.SessionAttributeSymbols.ContractAbiName;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Marked classes are read from their syntax when the compilation allows it, and bound otherwise (see DeclaredTargets).
        var classes = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => DeclaredClassReader.HasAttributeNamed(node, orRecord: true, SessionAttributeKind.ContractAbi),
                static (context, _) => DeclaredClassReader.Read((TypeDeclarationSyntax)context.Node))
            .WithTrackingName(TrackingNames.ContractAbiClasses);
        var environment = AttributeEnvironment.Provider(context, AttributeEnvironment.ReadableTypes(classes), TrackingNames.ContractAbiEnvironment);
        var aliased = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax && !DeclaredClassReader.HasAttributeNamed(node, orRecord: true, SessionAttributeKind.ContractAbi),
                static (context, cancellationToken) => context.TargetSymbol is INamedTypeSymbol type && context.Attributes.Length > 0 ? Parser.ReadTarget(type, context.Attributes[0], cancellationToken) : null)
            .Where(static target => target is not null)
            .Select(static (target, _) => target!)
            .WithTrackingName(TrackingNames.ContractAbiAliasedTargets);
        var targets = DeclaredTargets.Provider(
            context,
            classes,
            environment,
            static (declared, attributes) => Parser.ReadTarget(declared, attributes),
            static (type, _, cancellationToken) => type.GetAttributes().FirstOrDefault(a => DeclaredTargets.Is(a.AttributeClass, AttributeMetadataName)) is { } attribute
                ? Parser.ReadTarget(type, attribute, cancellationToken)
                : null,
            aliased,
            (TrackingNames.ContractAbiReads, TrackingNames.ContractAbiBoundReads, TrackingNames.ContractAbiTargets));

        // Each ABI file is read once per change, and the session generator and the analyzer share the reading.
        var abis = AbiFiles.Provider(context);

        var bindings = targets
            .Combine(abis)
            .Select(static (input, cancellationToken) => Parser.Bind(input.Left, input.Right.Files, input.Right.ProjectDirectory, cancellationToken))
            .WithTrackingName(TrackingNames.Bindings);

        var models = bindings
            .Select(static (binding, _) => binding.Model)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.BindingModels);

        // The project's C# version decides how the value types are declared (records from C# 10, plain types in C# 9);
        // below C# 9, generate nothing and say so once per bound class.
        var language = GeneratedCodeLanguage.Provider(context);
        context.RegisterSourceOutput(models.Combine(language), static (context, input) =>
        {
            if (input.Right.IsSupported)
            {
                var model = input.Left! with { ValueTypes = input.Right.ValueTypes };
                context.AddSource(model.Type.HintName, ContractBindingEmitter.Emit(model));
            }
        });
        // All targets in one step, so that an edit re-runs one check rather than one per class.
        context.RegisterSourceOutput(targets.Collect().Combine(language).Combine(context.CompilationProvider), static (context, input) =>
        {
            if (input.Left.Right.UnsupportedVersion is { } version)
            {
                foreach (var target in input.Left.Left)
                {
                    context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooOld, target.AttributeLocation,
                        target.Type.ClassName, GeneratedCodeLanguage.Minimum.ToDisplayString(), version).ToDiagnostic(input.Right));
                }
            }
        });

        // Declaration diagnostics are re-attached to their syntax tree when reported (models hold no trees), so that
        // the IDE can offer code fixes such as "make the class partial". Only this reporting step sees the compilation,
        // and it sees it once, with the diagnostics of all classes collected: an edit elsewhere re-runs one step, not
        // one per class.
        var bindingDiagnostics = bindings
            .Select(static (binding, _) => binding.Diagnostics)
            .WithTrackingName(TrackingNames.BindingDiagnostics)
            .Collect()
            .Select(static (all, _) => all.Where(static diagnostics => !diagnostics.IsEmpty).ToImmutableArray().ToEquatableArray())
            .WithTrackingName(TrackingNames.AllBindingDiagnostics);
        context.RegisterSourceOutput(bindingDiagnostics.Combine(context.CompilationProvider), static (context, input) =>
        {
            foreach (var diagnostics in input.Left)
            {
                foreach (var diagnostic in diagnostics)
                {
                    context.ReportDiagnostic(diagnostic.ToDiagnostic(input.Right));
                }
            }
        });

        // A file's own problems are reported once, however many classes use it, and only for files some class uses
        // (other .json AdditionalFiles, such as settings, are none of this generator's business).
        var fileDiagnostics = targets
            .Select(static (target, _) => target.AbiPath)
            .Collect()
            .Combine(abis)
            .Select(static (input, _) => Parser.ReferencedFileDiagnostics(input.Left, input.Right.Files, input.Right.ProjectDirectory))
            .WithTrackingName(TrackingNames.AbiFileDiagnostics);
        context.RegisterSourceOutput(fileDiagnostics, static (context, diagnostics) => Report(context, diagnostics));
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
