using System;

namespace SessionGen.Protocol;

/// <summary>
/// Identifies an action (a target contract and a function on it) within a session:
/// <c>keccak256(abi.encodePacked(actionTarget, actionTargetSelector))</c>.
/// </summary>
/// <remarks>
/// The module derives the action of each call from its target and the first four bytes of its calldata;
/// a call with less than four bytes of calldata (a plain value transfer) uses <see cref="ValueTransferSelector"/>.
/// </remarks>
public readonly struct ActionId : IEquatable<ActionId>
{
    /// <summary>The selector of a call with no function selector (empty calldata): <c>0xFFFFFFFF</c>.</summary>
    public static readonly Selector ValueTransferSelector = new(0xFFFFFFFF);

    /// <summary>The target of the fallback action, whose policies apply to any call without its own action: <c>address(1)</c>.</summary>
    public static readonly Address FallbackTarget = CreateFallbackTarget();

    /// <summary>The selector of the fallback action: <c>0x00000001</c>. Enabling it makes the session permit generic policies.</summary>
    public static readonly Selector FallbackSelector = new(0x00000001);

    /// <summary>
    /// The selector of the fallback action that may also call the SmartSession module itself: <c>0x00000002</c>.
    /// Enabling it gives the session admin access (current module only); grant it with great care.
    /// </summary>
    public static readonly Selector AdminFallbackSelector = new(0x00000002);

    /// <summary>Wraps an already computed action id.</summary>
    public ActionId(Bytes32 value) => Value = value;

    /// <summary>The 32-byte id.</summary>
    public Bytes32 Value { get; }

    /// <summary>The id of the fallback action (<see cref="FallbackTarget"/>, <see cref="FallbackSelector"/>).</summary>
    public static ActionId Fallback => Compute(FallbackTarget, FallbackSelector);

    /// <summary>Computes the id of a function on a target contract.</summary>
    public static ActionId Compute(Address target, Selector selector)
    {
        Span<byte> packed = stackalloc byte[Address.Length + 4];
        target.WriteTo(packed);
        selector.WriteTo(packed[Address.Length..]);
        return new ActionId(Keccak256.Hash(packed));
    }

    /// <summary>Computes the id of the action a call falls under: its target and calldata selector (or <see cref="ValueTransferSelector"/>).</summary>
    public static ActionId ForCall(Call call) => Compute(call.Target, call.Selector ?? ValueTransferSelector);

    /// <inheritdoc/>
    public bool Equals(ActionId other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActionId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The id as <c>0x</c> and 64 lowercase hexadecimal digits.</summary>
    public override string ToString() => Value.ToString();

    /// <summary>Compares two ids.</summary>
    public static bool operator ==(ActionId left, ActionId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    public static bool operator !=(ActionId left, ActionId right) => !left.Equals(right);

    private static Address CreateFallbackTarget()
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        bytes[^1] = 1;
        return new Address(bytes);
    }
}
