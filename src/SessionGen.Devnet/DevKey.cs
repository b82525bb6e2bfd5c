using System.Diagnostics;

namespace SessionGen.Devnet;

/// <summary>A funded dev account of the local chain (anvil's well-known mnemonic accounts), unlocked on the node.</summary>
/// <param name="Address">The account's address.</param>
/// <param name="PrivateKey">Its private key, 0x-prefixed hex. Publicly known: never use it outside a devnet.</param>
/// <remarks>Printed by address only, like every key holder in SessionGen: a key must not end up in logs even when it is a devnet's.</remarks>
[DebuggerDisplay("DevKey {Address}")]
public sealed record DevKey(Address Address, string PrivateKey)
{
    /// <summary>The account's address, never the key.</summary>
    public override string ToString() => $"DevKey {{ Address = {Address} }}";
}
