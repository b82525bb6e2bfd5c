using System;
using System.Collections.Generic;

namespace SessionGen.Accounts;

/// <summary>
/// What a new account starts with: its owner validator (with the data its <c>onInstall</c> receives), any further
/// validators (typically the SmartSession module), and the CREATE2 salt. The account kind turns it into a factory call
/// (<see cref="UserOperations.AccountKind.GetFactoryCall"/>) and a counterfactual address.
/// </summary>
/// <param name="OwnerValidator">The validator that checks the owner's operations, e.g. Rhinestone's OwnableValidator with <see cref="OwnableValidatorInitData"/>.</param>
public sealed record AccountCreation(ModuleInit OwnerValidator)
{
    /// <summary>Validators installed next to the owner validator at creation, e.g. the SmartSession module. Default none.</summary>
    public IReadOnlyList<ModuleInit> OtherValidators { get; init; } = Array.Empty<ModuleInit>();

    /// <summary>The CREATE2 salt: different salts give the same owner different accounts. Default zero.</summary>
    public Bytes32 Salt { get; init; }

    /// <summary>The owner validator first, then <see cref="OtherValidators"/>.</summary>
    public IReadOnlyList<ModuleInit> AllValidators
    {
        get
        {
            var all = new ModuleInit[1 + OtherValidators.Count];
            all[0] = OwnerValidator;
            for (var i = 0; i < OtherValidators.Count; i++)
            {
                all[i + 1] = OtherValidators[i];
            }

            return all;
        }
    }
}
