using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Models;
using SessionGen.Generators.Sessions;

namespace SessionGen.Generators.Analyzers;

/// <summary>
/// Reports the session declaration (SESSGEN11x) and policy (SESSGEN2xx) diagnostics live in the IDE. The
/// checks themselves live in <see cref="SessionDeclarationParser"/>, which the session generator shares.
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
        DiagnosticDescriptors.SudoOptIn);

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

            var trees = new Dictionary<string, SyntaxTree>();
            foreach (var tree in start.Compilation.SyntaxTrees)
            {
                trees[tree.FilePath] = tree;
            }

            start.RegisterSymbolAction(symbolContext =>
            {
                if (symbolContext.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type
                    || SessionDeclarationParser.Parse(type, symbols, symbolContext.CancellationToken) is not { } session)
                {
                    return;
                }

                foreach (var diagnostic in session.Diagnostics)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(diagnostic.Descriptor, ToSourceLocation(diagnostic.Location, trees), diagnostic.MessageArgs.Cast<object>().ToArray()));
                }
            }, SymbolKind.NamedType);
        });
    }

    /// <summary>Back to a location in the compilation's own tree, so the IDE underlines it and fixes can find the node.</summary>
    private static Location ToSourceLocation(LocationInfo? location, IReadOnlyDictionary<string, SyntaxTree> trees) =>
        location is null ? Location.None
        : trees.TryGetValue(location.FilePath, out var tree) ? Location.Create(tree, location.TextSpan)
        : location.ToLocation();
}
