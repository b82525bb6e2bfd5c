namespace SessionGen.Generators;

/// <summary>Step names of <see cref="ContractBinding.ContractBindingGenerator"/> (the ABI file steps, from <see cref="Abi.AbiFiles"/>, are the session generator's too).</summary>
internal static partial class TrackingNames
{
    /// <summary>Classes with a <c>[ContractAbi]</c>-named attribute, read from syntax (<c>Syntax.DeclaredClass</c>).</summary>
    public const string ContractAbiClasses = nameof(ContractAbiClasses);

    /// <summary>What the compilation says about the attribute names (<c>Syntax.AttributeEnvironment</c>), once per run.</summary>
    public const string ContractAbiEnvironment = nameof(ContractAbiEnvironment);

    /// <summary>Each class: its target read from syntax, or where it is when it must be bound.</summary>
    public const string ContractAbiReads = nameof(ContractAbiReads);

    /// <summary>The classes that could not be read from syntax, bound (one step per run).</summary>
    public const string ContractAbiBoundReads = nameof(ContractAbiBoundReads);

    /// <summary>Classes whose <c>[ContractAbi]</c> is written under an alias, bound.</summary>
    public const string ContractAbiAliasedTargets = nameof(ContractAbiAliasedTargets);

    /// <summary>Classes marked <c>[ContractAbi]</c>, as <c>BindingTarget</c>s, in declaration order.</summary>
    public const string ContractAbiTargets = nameof(ContractAbiTargets);

    /// <summary>Each <c>.json</c> AdditionalFile, read into an <c>AbiReadResult</c>.</summary>
    public const string AbiFiles = nameof(AbiFiles);

    /// <summary>All read ABI files together.</summary>
    public const string AbiFileCollection = nameof(AbiFileCollection);

    /// <summary>The project directory (<c>build_property.projectdir</c>).</summary>
    public const string ProjectDirectory = nameof(ProjectDirectory);

    /// <summary>Each target bound to its ABI (model and diagnostics).</summary>
    public const string Bindings = nameof(Bindings);

    /// <summary>The models that are emitted.</summary>
    public const string BindingModels = nameof(BindingModels);

    /// <summary>Diagnostics of each binding (declaration, file not found, name collisions).</summary>
    public const string BindingDiagnostics = nameof(BindingDiagnostics);

    /// <summary>The non-empty <see cref="BindingDiagnostics"/> of all classes, reported in one step (the one that needs the compilation).</summary>
    public const string AllBindingDiagnostics = nameof(AllBindingDiagnostics);

    /// <summary>Problems in referenced ABI files, reported once per file.</summary>
    public const string AbiFileDiagnostics = nameof(AbiFileDiagnostics);
}
