namespace SessionGen.Generators.Diagnostics;

/// <summary>IDs of the ABI file and binding diagnostics (0xx) and of the binding's declaration diagnostics (10x).</summary>
internal static partial class DiagnosticIds
{
    /// <summary>The ABI file named by <c>[ContractAbi]</c> is not among the AdditionalFiles.</summary>
    public const string AbiFileNotFound = "SESSGEN001";

    /// <summary>The ABI file is not valid JSON.</summary>
    public const string AbiMalformedJson = "SESSGEN002";

    /// <summary>The JSON is neither an ABI array nor an artifact object with an <c>abi</c> array.</summary>
    public const string AbiUnexpectedRoot = "SESSGEN003";

    /// <summary>An ABI entry or parameter does not have the shape the ABI specification gives.</summary>
    public const string AbiInvalidEntry = "SESSGEN004";

    /// <summary>A valid Solidity type that SessionGen does not bind (fixed-point, function references).</summary>
    public const string AbiUnsupportedType = "SESSGEN005";

    /// <summary>A type string that is not an ABI type (<c>uint7</c>, <c>bytes33</c>, <c>address[</c>, …).</summary>
    public const string AbiMalformedType = "SESSGEN006";

    /// <summary>Two ABI members would get the same C# name in the binding.</summary>
    public const string AbiNameCollision = "SESSGEN007";

    /// <summary>The same function or error (same signature) appears twice; the repeat is ignored.</summary>
    public const string AbiDuplicateEntry = "SESSGEN008";
    public const string AbiIdentifierTooLong = "SESSGEN009";

    /// <summary>A class marked <c>[ContractAbi]</c> (or a type containing it) is not <c>partial</c>.</summary>
    public const string ClassNotPartial = "SESSGEN100";

    /// <summary>The path given to <c>[ContractAbi]</c> is empty.</summary>
    public const string InvalidAbiPath = "SESSGEN101";

    /// <summary>The project's C# version is older than the generated code needs.</summary>
    public const string LanguageVersionTooOld = "SESSGEN102";
}
