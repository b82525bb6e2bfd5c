using SessionGen.Protocol;

namespace SessionGen.Accounts;

/// <summary>
/// Where an ERC-7579 reference account (MSA) comes from and what it starts with: the factory and bootstrap that
/// create it, its owner's ECDSA validator, and the SmartSession module it installs next to it.
/// </summary>
/// <param name="Factory">modulekit's <c>ERC7579Factory</c>.</param>
/// <param name="Bootstrap">The MSA bootstrap whose <c>initMSA</c> installs the first modules.</param>
/// <param name="OwnerValidator">An ECDSA validator installed with <c>onInstall(abi.encode(owner))</c> that checks the owner's eth_sign signature of a user-op hash and the raw hash for ERC-1271.</param>
/// <param name="Owner">The owner's address.</param>
/// <param name="SmartSessions">The SmartSession deployment the account installs and enables sessions on.</param>
public sealed record ReferenceAccountSetup(
    Address Factory,
    Address Bootstrap,
    Address OwnerValidator,
    Address Owner,
    SmartSessionDeployment SmartSessions)
{
    /// <summary>The CREATE2 salt: different salts give the same owner different accounts. Default zero.</summary>
    public Bytes32 Salt { get; init; }
}
