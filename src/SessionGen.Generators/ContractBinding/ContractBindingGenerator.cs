using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.ContractBinding;

/// <summary>
/// Turns each <c>[ContractAbi("…json")] partial class</c> into a typed binding of that contract's ABI
/// (selectors, calldata encoders, <c>Call</c> builders, tuple structs).
/// </summary>
/// <remarks>
/// Pipeline: targets (ForAttributeWithMetadataName) and ABI files (AdditionalFiles ending in <c>.json</c>, each
/// read once) are combined per target into a <see cref="BindingResult"/>; models go to the emitter, diagnostics
/// to their own outputs. Editing one ABI file re-reads only that file, and only the classes whose model changed
/// are emitted again.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class ContractBindingGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a binding class (shipped in the runtime library).</summary>
    public const string AttributeMetadataName = "SessionGen.ContractAbiAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                static (context, cancellationToken) => Parser.ReadTarget(context, cancellationToken))
            .Where(static target => target is not null)
            .Select(static (target, _) => target!)
            .WithTrackingName(TrackingNames.ContractAbiTargets);

        var abiFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => AbiReader.Read(file.Path, file.GetText(cancellationToken)))
            .WithTrackingName(TrackingNames.AbiFiles)
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray())
            .WithTrackingName(TrackingNames.AbiFileCollection);

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) ? directory : null)
            .WithTrackingName(TrackingNames.ProjectDirectory);

        var bindings = targets
            .Combine(abiFiles.Combine(projectDirectory))
            .Select(static (input, cancellationToken) => Parser.Bind(input.Left, input.Right.Left, input.Right.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Bindings);

        var models = bindings
            .Select(static (binding, _) => binding.Model)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.BindingModels);

        // With a C# version the generated code cannot compile under, generate nothing and say so once per bound class.
        var unsupportedVersion = GeneratedCodeLanguage.UnsupportedVersion(context);
        context.RegisterSourceOutput(models.Combine(unsupportedVersion), static (context, input) =>
        {
            if (input.Right is null)
            {
                context.AddSource(input.Left!.Type.HintName, ContractBindingEmitter.Emit(input.Left));
            }
        });
        context.RegisterSourceOutput(targets.Combine(unsupportedVersion).Combine(context.CompilationProvider), static (context, input) =>
        {
            if (input.Left.Right is { } version)
            {
                var target = input.Left.Left;
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooOld, target.AttributeLocation,
                    target.Type.ClassName, GeneratedCodeLanguage.Minimum.ToDisplayString(), version).ToDiagnostic(input.Right));
            }
        });

        // Declaration diagnostics are re-attached to their syntax tree when reported (models hold no trees), so that
        // the IDE can offer code fixes such as "make the class partial". Only this reporting step sees the compilation.
        var bindingDiagnostics = bindings
            .Select(static (binding, _) => binding.Diagnostics)
            .WithTrackingName(TrackingNames.BindingDiagnostics);
        context.RegisterSourceOutput(bindingDiagnostics.Combine(context.CompilationProvider), static (context, input) =>
        {
            foreach (var diagnostic in input.Left)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(input.Right));
            }
        });

        // A file's own problems are reported once, however many classes use it, and only for files some class uses
        // (other .json AdditionalFiles, such as settings, are none of this generator's business).
        var fileDiagnostics = targets
            .Select(static (target, _) => target.AbiPath)
            .Collect()
            .Combine(abiFiles.Combine(projectDirectory))
            .Select(static (input, _) => Parser.ReferencedFileDiagnostics(input.Left, input.Right.Left, input.Right.Right))
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
