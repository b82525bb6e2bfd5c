using System;
using Nethereum.RPC.Eth.DTOs;

namespace SessionGen.Devnet;

/// <summary>A devnet transaction was mined but reverted (receipt status 0).</summary>
public sealed class DevnetTransactionException : Exception
{
    /// <summary>Creates the exception for a reverted transaction's receipt.</summary>
    public DevnetTransactionException(TransactionReceipt receipt)
        : base($"Transaction {receipt.TransactionHash} to {receipt.To ?? "(create)"} reverted (status 0, gas used {receipt.GasUsed?.Value}).")
    {
        Receipt = receipt;
    }

    /// <summary>The reverted transaction's receipt.</summary>
    public TransactionReceipt Receipt { get; }
}
