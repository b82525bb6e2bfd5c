using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionGen.CodeFixes;

/// <summary>Builds the SessionGen attribute syntax the fixes insert, with <c>using SessionGen;</c> added when missing.</summary>
internal static class SessionAttributeSyntax
{
    /// <summary><c>[Name(arguments)]</c> written as <c>global::SessionGen.Name</c> and simplified, which adds the using if needed.</summary>
    public static AttributeSyntax Attribute(string name, params AttributeArgumentSyntax[] arguments) =>
        SyntaxFactory.Attribute(
            ParseName("global::SessionGen." + name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
            AttributeArgumentList(SeparatedList(arguments)));

    public static ExpressionSyntax Number(int value) => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    public static ExpressionSyntax String(string value) => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));

    /// <summary>Adds <paramref name="attribute"/> as its own attribute list after the class's existing ones.</summary>
    public static ClassDeclarationSyntax AddAttribute(ClassDeclarationSyntax declaration, AttributeSyntax attribute) =>
        declaration.AddAttributeLists(AttributeList(SingletonSeparatedList(attribute)).WithAdditionalAnnotations(Formatter.Annotation));

    /// <summary>The first positional argument when it is a string literal (the function of SessionAction/ParamRule).</summary>
    public static LiteralExpressionSyntax? FunctionArgument(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault() is { NameEquals: null, NameColon: null, Expression: LiteralExpressionSyntax literal }
        && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;

    /// <summary>Appends <c>name = value</c> to the attribute's arguments.</summary>
    public static AttributeSyntax AddNamedArgument(AttributeSyntax attribute, string name, ExpressionSyntax value) =>
        attribute.WithArgumentList((attribute.ArgumentList ?? AttributeArgumentList())
            .AddArguments(AttributeArgument(NameEquals(name), null, value))
            .WithAdditionalAnnotations(Formatter.Annotation));
}
