namespace SessionGen.Execution;

/// <summary>ERC-7579 call type: the first byte of an execution mode, saying how the execution calldata is laid out.</summary>
public enum CallType : byte
{
    /// <summary>One call: <c>abi.encodePacked(target, uint256 value, callData)</c>.</summary>
    Single = 0x00,

    /// <summary>Several calls: <c>abi.encode(Execution[])</c> with <c>Execution { address target; uint256 value; bytes callData; }</c>.</summary>
    Batch = 0x01,

    /// <summary>One static call (optional in ERC-7579; many accounts do not support it).</summary>
    StaticCall = 0xFE,

    /// <summary>One delegate call: <c>abi.encodePacked(target, callData)</c>, run in the account's own context.</summary>
    DelegateCall = 0xFF,
}
