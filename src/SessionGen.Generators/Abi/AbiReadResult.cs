using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.Abi;

/// <summary>What <see cref="AbiReader"/> made of one ABI file.</summary>
/// <param name="Path">The file's path, as given to the reader (diagnostics are located in it).</param>
/// <param name="Abi">The functions and errors read; <see langword="null"/> when the file is not JSON or not an ABI at all.
/// When only some entries are bad, this holds the good ones and <paramref name="Diagnostics"/> the rest.</param>
/// <param name="Diagnostics">Problems found, each located in the file.</param>
internal sealed record AbiReadResult(string Path, ContractAbiModel? Abi, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether the file was read without any error or warning.</summary>
    public bool IsClean => Abi is not null && Diagnostics.IsEmpty;
}
