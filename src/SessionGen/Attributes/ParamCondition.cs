namespace SessionGen;

/// <summary>
/// How a call parameter is compared with a rule's reference value. The numeric values are those of the
/// on-chain <c>ParamCondition</c> enum of the Smart Sessions UniActionPolicy.
/// </summary>
public enum ParamCondition : byte
{
    /// <summary>The parameter equals the reference.</summary>
    Equal = 0,

    /// <summary>The parameter is greater than the reference (unsigned 256-bit comparison).</summary>
    GreaterThan = 1,

    /// <summary>The parameter is less than the reference (unsigned 256-bit comparison).</summary>
    LessThan = 2,

    /// <summary>The parameter is greater than or equal to the reference.</summary>
    GreaterThanOrEqual = 3,

    /// <summary>The parameter is less than or equal to the reference.</summary>
    LessThanOrEqual = 4,

    /// <summary>The parameter differs from the reference.</summary>
    NotEqual = 5,

    /// <summary>
    /// The parameter lies between two bounds (inclusive); see <see cref="ParamRuleAttribute.UpperBound"/>.
    /// On chain the reference is <c>abi.encodePacked(uint128 min, uint128 max)</c>.
    /// </summary>
    InRange = 6,
}
