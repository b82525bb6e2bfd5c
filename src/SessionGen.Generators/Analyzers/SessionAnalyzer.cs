using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionGen.Generators.Abi;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Models;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Sessions.Model;

namespace SessionGen.Generators.Analyzers;

/// <summary>
/// Reports the session declaration (SESSGEN11x) and policy (SESSGEN2xx) diagnostics live in the IDE. The checks
/// live in <see cref="SessionDeclarationParser"/> and <see cref="SessionResolver"/>, which the session generator
/// shares; ABIs come from the AdditionalFiles, each read at most once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SessionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidAmountLiteral,
        DiagnosticDescriptors.UnknownFunction,
        DiagnosticDescriptors.AmbiguousFunction,
        DiagnosticDescriptors.InvalidRuleParameter,
        DiagnosticDescriptors.ParamRuleWithoutAction,
        DiagnosticDescriptors.InvalidExpiry,
        DiagnosticDescriptors.DuplicateAction,
        DiagnosticDescriptors.InvalidMaxUses,
        DiagnosticDescriptors.MissingContract,
        DiagnosticDescriptors.InvalidRange,
        DiagnosticDescriptors.SessionWithoutActions,
        DiagnosticDescriptors.SessionWithoutExpiry,
        DiagnosticDescriptors.ActionWithoutLimit,
        DiagnosticDescriptors.SpendingLimitNotErc20,
        DiagnosticDescriptors.SudoOptIn,
        DiagnosticDescriptors.SessionClassNotPartial,
        DiagnosticDescriptors.InvalidTokenDisplay,
        DiagnosticDescriptors.InvalidBind,
        DiagnosticDescriptors.ZeroLimit,
        DiagnosticDescriptors.PayableWithoutValueLimit,
        DiagnosticDescriptors.UnsatisfiableRule,
        DiagnosticDescriptors.UnpinnedApproval,
        DiagnosticDescriptors.UnpinnedRecipient);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (SessionAttributeSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return; // SessionGen is not referenced
            }

            var compilation = start.Compilation;

            var abis = new AbiCache(start.Options, start.CancellationToken);
            start.RegisterSymbolAction(symbolContext =>
            {
                if (symbolContext.Symbol is INamedTypeSymbol named && SessionDeclarationParser.CheckTokenDisplay(named, symbols, symbolContext.CancellationToken) is { } display)
                {
                    symbolContext.ReportDiagnostic(Create(display, null, compilation));
                }

                if (symbolContext.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type
                    || SessionDeclarationParser.Parse(type, symbols, symbolContext.CancellationToken) is not { } session)
                {
                    return;
                }

                foreach (var diagnostic in session.Diagnostics)
                {
                    symbolContext.ReportDiagnostic(Create(diagnostic, null, compilation));
                }

                // A [ContractAbi] class that is not partial already gets SESSGEN100 from the binding generator.
                if (!SessionDeclarationParser.IsPartial(type, symbolContext.CancellationToken)
                    && !type.GetAttributes().Any(a => SessionAttributeSymbols.Is(a, symbols.ContractAbi)))
                {
                    symbolContext.ReportDiagnostic(Create(DiagnosticInfo.Create(DiagnosticDescriptors.SessionClassNotPartial, session.Location, type.Name), null, compilation));
                }

                var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                foreach (var finding in SessionResolver.Resolve(session, null, typeName, abis.Get).Findings)
                {
                    symbolContext.ReportDiagnostic(Create(finding.Info, finding.FixData, compilation, finding.FixKind));
                }
            }, SymbolKind.NamedType);
        });
    }

    /// <summary>Located in the compilation's own tree, so the IDE underlines it and fixes can find the node.</summary>
    private static Diagnostic Create(DiagnosticInfo info, string? fixData, Compilation compilation, string? fixKind = null)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        properties = fixData is null ? properties : properties.Add(SessionFinding.FixDataKey, fixData);
        properties = fixKind is null ? properties : properties.Add(SessionFinding.FixKindKey, fixKind);
        return Diagnostic.Create(info.Descriptor, info.Location?.ToLocation(compilation) ?? Location.None, properties, info.MessageArgs.Cast<object>().ToArray());
    }

    /// <summary>The ABIs of one compilation's AdditionalFiles, read on first use.</summary>
    private sealed class AbiCache(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        private readonly ConcurrentDictionary<string, ContractAbiModel?> _byAttributePath = new();
        private readonly string? _projectDirectory =
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) ? directory : null;

        public ContractAbiModel? Get(ContractReference contract) => _byAttributePath.GetOrAdd(contract.AbiPath, Read);

        private ContractAbiModel? Read(string attributePath)
        {
            var files = options.AdditionalFiles.Where(file => file.Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase)).ToList();
            var path = AbiPaths.Find(attributePath, _projectDirectory, files.Select(file => file.Path));
            var file = path is null ? null : files.First(f => f.Path == path);
            return file is null ? null : AbiFiles.Read(file.Path, file.GetText(cancellationToken)).Abi;
        }
    }
}
