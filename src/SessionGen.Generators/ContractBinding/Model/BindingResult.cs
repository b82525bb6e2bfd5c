using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.ContractBinding.Model;

/// <summary>The outcome of binding one class: the model to emit (null when the class cannot be bound) and the class's diagnostics.</summary>
internal sealed record BindingResult(ContractBindingModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
