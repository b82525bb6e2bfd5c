using SessionGen.Generators.ContractBinding.Model;

namespace SessionGen.Generators.Sessions.Model;

/// <summary>A session class found by the generator: where it is declared and what its attributes say.</summary>
internal sealed record SessionTarget(TypeHierarchy Type, string FullyQualifiedName, bool IsPartial, SessionDeclaration Declaration);
