using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SessionGen.CodeFixes;
using SessionGen.Generators.Diagnostics;
using Xunit;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>
/// SESSGEN100 comes from the binding generator, which the code-fix test framework does not run: the fix is applied
/// here to the diagnostic as the generator reports it (on the class name).
/// </summary>
public sealed class MakePartialCodeFixTests
{
    [Fact]
    public async Task SESSGEN100_fix_makes_the_binding_class_partial()
    {
        const string source = "[SessionGen.ContractAbi(\"abis/ERC20.json\")]\ninternal sealed class Usdc\n{\n}\n";
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("Test", LanguageNames.CSharp).AddDocument("Usdc.cs", SourceText.From(source));
        var root = await document.GetSyntaxRootAsync();
        var identifier = root!.DescendantNodes().OfType<ClassDeclarationSyntax>().Single().Identifier;
        var diagnostic = Diagnostic.Create(DiagnosticDescriptors.ClassNotPartial, Location.Create(root.SyntaxTree, identifier.Span), "Usdc", "abis/ERC20.json");

        var actions = new List<CodeAction>();
        await new MakePartialCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);
        Assert.Equal(MakePartialCodeFix.EquivalenceKey, action.EquivalenceKey);

        var operation = Assert.IsType<ApplyChangesOperation>(Assert.Single(await action.GetOperationsAsync(CancellationToken.None)));
        var fixedText = await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync();
        Assert.Equal("[SessionGen.ContractAbi(\"abis/ERC20.json\")]\ninternal sealed partial class Usdc\n{\n}\n", fixedText.ToString());
    }
}
