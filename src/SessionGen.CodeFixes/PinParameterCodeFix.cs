using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Sessions.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionGen.CodeFixes;

/// <summary>
/// SESSGEN211 / SESSGEN212: pins the parameter that lets assets go elsewhere with
/// <c>[ParamRule("f", "p", ParamCondition.Equal, Bind = "…")]</c>: an output (<c>params.recipient</c>, <c>receiver</c>) is
/// bound to the account (<c>Bind = "account"</c>), an approval's spender or operator to a value named after it, supplied
/// when the session is created. No literal address is written, so nothing chain-specific enters the code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PinParameterCodeFix)), Shared]
public sealed class PinParameterCodeFix : SessionCodeFix<AttributeSyntax>
{
    /// <summary>The equivalence key, stable across versions.</summary>
    public const string EquivalenceKey = "SessionGen.PinParameter";

    /// <summary>Creates the fix.</summary>
    public PinParameterCodeFix()
        : base(DiagnosticIds.UnpinnedApproval, DiagnosticIds.UnpinnedRecipient)
    {
    }

    private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, AttributeSyntax node)
    {
        if (!diagnostic.Properties.TryGetValue(SessionFinding.FixDataKey, out var parameter) || parameter is null
            || SessionAttributeSyntax.FunctionArgument(node) is not { } function
            || node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        var bind = diagnostic.Id == DiagnosticIds.UnpinnedRecipient ? SessionResolver.AccountParameter : parameter.Substring(parameter.LastIndexOf('.') + 1);
        var contract = node.ArgumentList!.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Contract");
        var arguments = new[]
        {
            AttributeArgument(function),
            AttributeArgument(SessionAttributeSyntax.String(parameter)),
            AttributeArgument(ParseExpression("global::SessionGen.ParamCondition.Equal")
                .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation)),
            AttributeArgument(NameEquals("Bind"), null, SessionAttributeSyntax.String(bind)),
        }.Concat(contract is null ? Enumerable.Empty<AttributeArgumentSyntax>() : new[] { contract }).ToArray();

        context.RegisterCodeFix(
            Replace($"Pin '{parameter}' to {(bind == SessionResolver.AccountParameter ? "the account" : "a value bound at creation")} (Bind = \"{bind}\")", EquivalenceKey + "." + diagnostic.Id,
                context.Document, root, declaration, cls => SessionAttributeSyntax.AddAttribute(cls, SessionAttributeSyntax.Attribute("ParamRule", arguments))),
            diagnostic);
    }
}
