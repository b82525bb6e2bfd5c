using Microsoft.CodeAnalysis;

namespace SessionGen.Generators.Diagnostics;

/// <summary>Descriptors of the ABI-binding generator.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor AbiFileNotFound = Create(
        DiagnosticIds.AbiFileNotFound,
        "ABI file not found",
        "The ABI file '{0}' is not among the AdditionalFiles of this project (seen: {1}); add it with <AdditionalFiles Include=\"{0}\" /> or fix the path",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiMalformedJson = Create(
        DiagnosticIds.AbiMalformedJson,
        "ABI file is not valid JSON",
        "'{0}' is not valid JSON: {1} (line {2}, column {3})",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiUnexpectedRoot = Create(
        DiagnosticIds.AbiUnexpectedRoot,
        "JSON file is not an ABI",
        "'{0}' is not a contract ABI: {1}",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiInvalidEntry = Create(
        DiagnosticIds.AbiInvalidEntry,
        "ABI entry of unknown shape",
        "ABI entry {0} is skipped: {1}",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiUnsupportedType = Create(
        DiagnosticIds.AbiUnsupportedType,
        "Unsupported ABI type",
        "ABI entry {0} is skipped: {1}",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiMalformedType = Create(
        DiagnosticIds.AbiMalformedType,
        "Malformed ABI type",
        "ABI entry {0} is skipped: {1}",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiNameCollision = Create(
        DiagnosticIds.AbiNameCollision,
        "ABI names collide in the binding",
        "{0} would be named '{1}' in '{2}', which is already taken by {3}; it is not generated",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiIdentifierTooLong = Create(
        DiagnosticIds.AbiIdentifierTooLong,
        "ABI name too long for .NET",
        "ABI entry {0} is skipped: the name '{1}…' is {2} characters long, and .NET metadata carries the names SessionGen derives from it only up to {3} characters",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AbiDuplicateEntry = Create(
        DiagnosticIds.AbiDuplicateEntry,
        "Duplicate ABI entry",
        "'{0}' appears more than once in the ABI; the repeat is ignored",
        DiagnosticCategories.Abi,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ClassNotPartial = Create(
        DiagnosticIds.ClassNotPartial,
        "Contract binding class must be partial",
        "'{0}' must be declared partial so that SessionGen can add the binding of '{1}' to it",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidAbiPath = Create(
        DiagnosticIds.InvalidAbiPath,
        "ABI path is empty",
        "[ContractAbi] on '{0}' needs the path of an ABI JSON file relative to the project, such as \"abis/ERC20.json\"",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Create(
        DiagnosticIds.LanguageVersionTooOld,
        "C# version too old for SessionGen",
        "SessionGen generates no code for '{0}': the generated code needs C# {1} or later, and the project uses C# {2}. Set <LangVersion> to {1} or later.",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);
}
