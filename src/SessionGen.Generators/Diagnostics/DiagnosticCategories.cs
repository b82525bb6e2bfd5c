namespace SessionGen.Generators.Diagnostics;

internal static class DiagnosticCategories
{
    public const string Abi = "SessionGen.Abi";
    public const string Declaration = "SessionGen.Declaration";
    public const string Policy = "SessionGen.Policy";
}
