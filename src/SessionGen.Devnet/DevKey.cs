namespace SessionGen.Devnet;

/// <summary>A funded dev account of the local chain (anvil's well-known mnemonic accounts), unlocked on the node.</summary>
/// <param name="Address">The account's address.</param>
/// <param name="PrivateKey">Its private key, 0x-prefixed hex. Publicly known: never use it outside a devnet.</param>
public sealed record DevKey(Address Address, string PrivateKey);
