namespace SessionGen.Protocol;

/// <summary>
/// The deployed generation of the SmartSession module an account uses. Encodings differ between them
/// (struct layouts, the EIP-712 enable types, the USE signature's compression).
/// </summary>
public enum SmartSessionVersion
{
    /// <summary>
    /// erc7579/smartsessions main, as deployed at 0x00000000008bDABA73cD9815d79069c247Eb4bDA
    /// (reference SDK: @rhinestone/module-sdk 0.4.x). The default.
    /// </summary>
    Current = 0,

    /// <summary>
    /// The build shipped in @rhinestone/modulekit 0.5.9 (reference SDK: @rhinestone/module-sdk 0.1.25–0.1.32):
    /// no <c>permitERC4337Paymaster</c>, ERC-7739 content as <c>string[]</c>, compressed USE signatures.
    /// </summary>
    Legacy = 1,
}
