using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;

namespace SessionGen.CodeFixes;

/// <summary>
/// SESSGEN208 on <c>ValueLimit = "0"</c>: removes it. The intent, no ETH, is what the session already enforces where a
/// parameter rule or spending limit guards the function; elsewhere SESSGEN209 then asks for a real limit. A zero
/// SpendingLimit or CumulativeLimit gets no fix: only the author knows the amount meant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveZeroLimitCodeFix)), Shared]
public sealed class RemoveZeroLimitCodeFix : SessionCodeFix<AttributeArgumentSyntax>
{
    /// <summary>The equivalence key, stable across versions.</summary>
    public const string EquivalenceKey = "SessionGen.RemoveZeroValueLimit";

    /// <summary>Creates the fix.</summary>
    public RemoveZeroLimitCodeFix()
        : base(DiagnosticIds.ZeroLimit)
    {
    }

    private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, AttributeArgumentSyntax node)
    {
        if (node.NameEquals?.Name.Identifier.ValueText != "ValueLimit" || node.Parent is not AttributeArgumentListSyntax list)
        {
            return;
        }

        context.RegisterCodeFix(
            Replace("Remove ValueLimit = \"0\" (the chain refuses a zero value limit)", EquivalenceKey, context.Document, root, list,
                l => l.WithArguments(l.Arguments.Remove(node))),
            diagnostic);
    }
}
