namespace SessionGen.Execution;

/// <summary>ERC-7579 execution type: the second byte of an execution mode, saying what a failing call does.</summary>
public enum ExecType : byte
{
    /// <summary>A failing call reverts the whole execution.</summary>
    Default = 0x00,

    /// <summary>A failing call is reported in an event, and the execution continues.</summary>
    Try = 0x01,
}
